package dev.techtrends.rankings;

import dev.techtrends.scoring.ComponentsV3;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.Validation;
import dev.techtrends.web.cache.VersionedCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * /methodology/validation: each method's record against survey editions, computed once per data version on a worker
 * thread (it scores every category once per edition: a few hundred milliseconds).
 */
@ApplicationScoped
public class ValidationService {

    static final String PROCEDURE = "For each Stack Overflow Developer Survey edition E from " + Validation.FIRST_EDITION
            + " and each category with at least " + Validation.MIN_TECHNOLOGIES + " technologies with a usage value "
            + "in E: the method's scores as of E-Q2 (before E was published), computed from the data of quarters up to "
            + "E-Q2 and the editions before E only, with its default weights. popularity is Spearman's rank correlation "
            + "(ties share their mean rank) of those popularities against E's usage percentages; baseline is the same "
            + "correlation for the previous edition's percentages (what last year's survey alone achieves); momentum "
            + "compares momentum with the usage growth ln(E / E-1) where the survey did not change the item.";

    private final RankingService rankings;
    private final ScoreRepository scores;
    private final VersionedCache cache;
    private final Vertx vertx;

    public ValidationService(RankingService rankings, ScoreRepository scores, VersionedCache cache, Vertx vertx) {
        this.rankings = rankings;
        this.scores = scores;
        this.cache = cache;
        this.vertx = vertx;
    }

    public Uni<Views.ValidationView> validation(String method) {
        return rankings.parameters(ScoreQuery.of(method, null)).chain(parameters -> cache.loaded(
                "validation-" + parameters.method().version(), () -> compute(parameters.method())));
    }

    private Uni<Views.ValidationView> compute(ScoringMethod method) {
        return scores.technologiesByCategorySlug().chain(categories -> scores.observations()
                .chain(observations -> scores.attributions().chain(attributions -> vertx.executeBlocking(() -> {
                    List<Validation.Result> results = Validation.of(method, categories, observations);
                    List<Validation.MomentumResult> momentum = Validation.momentum(method, categories, observations);
                    return new Views.ValidationView(method.version(), PROCEDURE, summary(results),
                            results.stream().map(ValidationService::view).toList(), MOMENTUM_PROCEDURE,
                            momentumSummary(momentum), momentum.stream().map(ValidationService::view).toList(),
                            attributions.get(ComponentsV3.USAGE_SIGNAL));
                }, false))));
    }

    static final String MOMENTUM_PROCEDURE = "For each edition E from " + Validation.FIRST_MOMENTUM_EDITION
            + " and each category with at least " + Validation.MIN_MOMENTUM_TECHNOLOGIES + " technologies whose "
            + "usage E confirmed over " + Validation.CHANGE_YEARS + " years (a value in E and in E-"
            + Validation.CHANGE_YEARS + ", no series break between): the method's momentum as of E-Q2, computed from "
            + "the data of quarters up to E-Q2 and the editions before E only, with its default weights, against the "
            + "realised change ln(U_E / U_E-" + Validation.CHANGE_YEARS + "): Spearman's rank correlation, and the share "
            + "of technologies on the same side of the category's median by both. Two baselines on the same "
            + "technologies: the survey's own last known change over as many years, ln(U_E-1 / U_E-"
            + (Validation.CHANGE_YEARS + 1) + "), and method v3's one-year momentum at the same quarter.";

    private static Views.MomentumValidationResult view(Validation.MomentumResult result) {
        return new Views.MomentumValidationResult(result.edition(), result.category(), result.asOf().toString(),
                result.technologies(), view(result.momentum()), view(result.surveyBaseline()),
                view(result.oneYearBaseline()));
    }

    private static Views.Agreement view(Validation.Agreement agreement) {
        return new Views.Agreement(agreement.rho(), agreement.rightSide(), agreement.pairs());
    }

    /** Per category, over the editions where all three ρ exist, so that the means compare the same editions. */
    private static List<Views.MomentumValidationSummary> momentumSummary(List<Validation.MomentumResult> results) {
        Map<String, List<Validation.MomentumResult>> byCategory = new LinkedHashMap<>();
        results.stream().filter(result -> result.momentum().rho() != null && result.surveyBaseline().rho() != null
                        && result.oneYearBaseline().rho() != null)
                .forEach(result -> byCategory.computeIfAbsent(result.category(), c -> new ArrayList<>()).add(result));
        List<Views.MomentumValidationSummary> summary = new ArrayList<>();
        byCategory.forEach((category, ofCategory) -> summary.add(new Views.MomentumValidationSummary(category,
                ofCategory.size(), mean(ofCategory.stream().map(result -> result.momentum().rho()).toList()),
                mean(ofCategory.stream().map(result -> result.surveyBaseline().rho()).toList()),
                mean(ofCategory.stream().map(result -> result.oneYearBaseline().rho()).toList()))));
        return summary;
    }

    private static Views.ValidationResult view(Validation.Result result) {
        return new Views.ValidationResult(result.edition(), result.category(), result.asOf().toString(),
                result.technologies(), result.popularity(), result.popularityPairs(), result.baseline(),
                result.baselinePairs(), result.momentum(), result.momentumPairs());
    }

    /**
     * Per category, over the editions where both the method's popularity ρ and the baseline exist, so that the two
     * means compare the same editions.
     */
    private static List<Views.ValidationSummary> summary(List<Validation.Result> results) {
        Map<String, List<Validation.Result>> byCategory = new LinkedHashMap<>();
        results.stream().filter(result -> result.popularity() != null && result.baseline() != null)
                .forEach(result -> byCategory.computeIfAbsent(result.category(), c -> new ArrayList<>()).add(result));
        List<Views.ValidationSummary> summary = new ArrayList<>();
        byCategory.forEach((category, ofCategory) -> summary.add(new Views.ValidationSummary(category,
                ofCategory.size(), mean(ofCategory.stream().map(Validation.Result::popularity).toList()),
                mean(ofCategory.stream().map(Validation.Result::baseline).toList()),
                mean(ofCategory.stream().map(Validation.Result::momentum).toList()))));
        return summary;
    }

    /** The mean of the values that exist; null when none does. */
    private static Double mean(List<Double> values) {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream()
                .boxed().findFirst().orElse(null);
    }
}
