package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.MethodV2;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.Weights;
import dev.techtrends.web.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Answers score questions: from stored scores when the defaults are asked for, otherwise by running stages 2 and 3
 * of the method on stored components (never on observations).
 */
@ApplicationScoped
public class RankingService {

    static final String OVERALL_NOTE = "Across categories: each technology is scored within its own category "
            + "(normalised levels are relative to the category's leader), then all are sorted by the chosen figure.";
    static final String CATEGORY_NOTE = "Within the category: normalised levels are relative to the category's "
            + "leader on each signal (100).";

    private final ScoreReads reads;

    public RankingService(ScoreReads reads) {
        this.reads = reads;
    }

    /** The /score body: stored JSON text for the defaults, a computed view otherwise. */
    public Uni<Object> score(String slug, ScoreParameters parameters) {
        return reads.technology(slug).chain(technology -> reads.run(parameters.method()).chain(run -> {
            Quarter asOf = parameters.resolveAsOf(run);
            if (parameters.isDefault()) {
                return reads.scoreJson(technology.id(), asOf).map(json -> (Object) json);
            }
            return reads.components().map(all -> all.only(technology.categoryId()))
                    .map(set -> {
                        List<Ranking.Entry> entries = MethodV1.ranking(set.technologiesByCategory()
                                        .get(technology.categoryId()), asOf,
                                set.of(technology.categoryId(), asOf, asOf.minus(1), asOf.minus(4)),
                                parameters.weights(),
                                parameters.momentumWeight(), Ranking.Order.TREND);
                        Ranking.Entry entry = entries.stream().filter(e -> e.technology().equals(slug)).findFirst()
                                .orElseThrow();
                        return ScoreViews.view(parameters.method(), parameters.present(entry), parameters.weights(),
                                parameters.momentumWeight(), set.context());
                    });
        }));
    }

    public Uni<Views.RankingView> ranking(String category, ScoreParameters parameters, Ranking.Order order, int limit) {
        Uni<Long> categoryId = category == null ? Uni.createFrom().nullItem() : reads.categoryId(category);
        return categoryId.chain(id -> reads.run(parameters.method()).chain(run -> {
            Quarter asOf = parameters.resolveAsOf(run);
            Uni<List<RankingItem>> items = parameters.isDefault() && order == Ranking.Order.TREND
                    ? reads.ranking(id, asOf)
                    : reads.components().map(all -> computedRanking(all.only(id), asOf, parameters, order));
            return items.chain(list -> sources(parameters.weights()).map(sources -> new Views.RankingView(
                    parameters.method(), category, asOf.toString(), order.label(), parameters.preset(),
                    new TreeMap<>(parameters.weights().bySignal()), parameters.momentumWeight(),
                    category == null ? OVERALL_NOTE : CATEGORY_NOTE,
                    list.subList(0, Math.min(limit, list.size())), sources)));
        }));
    }

    /** Ranks each category with the method, then, across categories, merges them by the figure. */
    private static List<RankingItem> computedRanking(ScoreReads.ComponentSet set, Quarter asOf,
            ScoreParameters parameters, Ranking.Order order) {
        List<Ranking.Entry> entries = computedEntries(set, asOf, parameters, order);
        if (set.technologiesByCategory().size() == 1) {
            return entries.stream()
                    .map(e -> ScoreViews.item(e, e.rank(), e.sincePreviousQuarter().rankChange(), set.context()))
                    .toList();
        }
        List<Score> now = entries.stream().map(Ranking.Entry::score).toList();
        List<Score> previous = new ArrayList<>();
        set.technologiesByCategory().forEach((categoryId, technologies) -> previous.addAll(MethodV1.scores(technologies,
                asOf.minus(1), set.of(categoryId, asOf.minus(1)), parameters.weights(), parameters.momentumWeight())));
        Map<String, Integer> ranksNow = Ranking.ranks(now, order);
        Map<String, Integer> ranksBefore = Ranking.ranks(previous, order);
        return entries.stream()
                .sorted(Comparator.comparing((Ranking.Entry e) -> ranksNow.getOrDefault(e.technology(), Integer.MAX_VALUE))
                        .thenComparing(Ranking.Entry::technology))
                .map(e -> {
                    Integer rank = ranksNow.get(e.technology());
                    Integer before = ranksBefore.get(e.technology());
                    return ScoreViews.item(e, rank, rank == null || before == null ? null : before - rank, set.context());
                })
                .toList();
    }

    /** Every category of the set ranked with the method, as the method presents it. */
    private static List<Ranking.Entry> computedEntries(ScoreReads.ComponentSet set, Quarter asOf,
            ScoreParameters parameters, Ranking.Order order) {
        List<Ranking.Entry> entries = new ArrayList<>();
        set.technologiesByCategory().forEach((categoryId, technologies) -> MethodV1.ranking(technologies, asOf,
                        set.of(categoryId, asOf, asOf.minus(1), asOf.minus(4)), parameters.weights(),
                        parameters.momentumWeight(), order)
                .forEach(entry -> entries.add(parameters.present(entry))));
        return entries;
    }

    public Uni<Views.MoversView> movers(String method, String direction, String category, String asOf,
            boolean includeLowConfidence, int limit) {
        boolean rising = switch (direction == null || direction.isBlank() ? "rising" : direction.strip()) {
            case "rising" -> true;
            case "fading" -> false;
            default -> throw new InvalidInputException("direction", "must be rising or fading, got '" + direction + "'");
        };
        ScoreParameters parameters = ScoreParameters.parse(method, asOf, null, null, null);
        Uni<Long> categoryId = category == null ? Uni.createFrom().nullItem() : reads.categoryId(category);
        return categoryId.chain(id -> reads.run(parameters.method()).chain(run -> {
            Quarter quarter = parameters.resolveAsOf(run);
            Uni<List<RankingItem>> items = parameters.isDefault()
                    ? reads.movers(quarter, id, rising, includeLowConfidence, limit)
                    : reads.components().map(all -> computedMovers(all.only(id), quarter, parameters, rising,
                            includeLowConfidence, limit));
            return items.chain(list -> sources(MethodV1.DEFAULT_WEIGHTS).map(sources -> new Views.MoversView(
                    parameters.method(), quarter.toString(), rising ? "rising" : "fading", category,
                    includeLowConfidence, list, sources)));
        }));
    }

    private static List<RankingItem> computedMovers(ScoreReads.ComponentSet set, Quarter asOf,
            ScoreParameters parameters, boolean rising, boolean includeLowConfidence, int limit) {
        Comparator<Ranking.Entry> byMomentum = Comparator.comparing(e -> e.score().momentum());
        return computedEntries(set, asOf, parameters, Ranking.Order.TREND).stream()
                .filter(e -> e.score().momentum() != null)
                .filter(e -> includeLowConfidence || e.score().confidence() != dev.techtrends.scoring.Confidence.LOW)
                .sorted((rising ? byMomentum.reversed() : byMomentum).thenComparing(Ranking.Entry::technology))
                .limit(limit)
                .map(e -> ScoreViews.item(e, e.rank(), e.sincePreviousQuarter().rankChange(), set.context()))
                .toList();
    }

    public Uni<Views.HistoryView> history(String slug, ScoreParameters parameters) {
        return reads.technology(slug).chain(technology -> reads.run(parameters.method()).chain(run -> {
            Quarter upTo = parameters.resolveAsOf(run);
            Uni<List<Views.HistoryPoint>> points = parameters.isDefault()
                    ? reads.history(technology.id(), upTo)
                    : reads.components().map(set -> computedHistory(set, technology.categoryId(), slug, upTo,
                            parameters));
            return points.chain(list -> sources(parameters.weights()).map(sources -> new Views.HistoryView(slug,
                    technology.category(), parameters.method(), new TreeMap<>(parameters.weights().bySignal()),
                    parameters.momentumWeight(), list, sources)));
        }));
    }

    private static List<Views.HistoryPoint> computedHistory(ScoreReads.ComponentSet set, long categoryId, String slug,
            Quarter upTo, ScoreParameters parameters) {
        TreeSet<String> technologies = set.technologiesByCategory().get(categoryId);
        NavigableMap<Quarter, List<Score>> byQuarter = MethodV1.scoresByQuarter(technologies, set.of(categoryId),
                parameters.weights(), parameters.momentumWeight());
        List<Views.HistoryPoint> points = new ArrayList<>();
        byQuarter.headMap(upTo, true).forEach((quarter, scores) -> {
            Map<String, Integer> ranks = Ranking.ranks(scores, Ranking.Order.TREND);
            scores.stream().filter(score -> score.technology().equals(slug)).findFirst()
                    .map(score -> parameters.isV2() ? MethodV2.rescore(score, parameters.weights()) : score)
                    .ifPresent(score ->
                    points.add(new Views.HistoryPoint(quarter.toString(), score.popularity(), score.momentum(),
                            score.momentumPct(), score.trendScore(), ranks.get(slug),
                            score.stage() == null ? null : score.stage().label(), score.coverage(),
                            score.confidence().label())));
        });
        return points;
    }

    /** Attribution of the sources whose signals carry weight. */
    Uni<List<ScoreView.Attribution>> sources(Weights weights) {
        return sources(signal -> weights.weightOf(signal) > 0);
    }

    Uni<List<ScoreView.Attribution>> allSources() {
        return sources(signal -> true);
    }

    private Uni<List<ScoreView.Attribution>> sources(Predicate<String> signalUsed) {
        return reads.attributions().map(bySignal -> {
            Map<String, ScoreView.Attribution> sources = new TreeMap<>();
            bySignal.forEach((signal, source) -> {
                if (signalUsed.test(signal)) {
                    sources.put(source.id(), source);
                }
            });
            return List.copyOf(sources.values());
        });
    }

    public Uni<Views.CompareView> compare(List<String> slugs, String asOf) {
        ScoreParameters parameters = ScoreParameters.parse(asOf, null, null, null);
        return reads.run().chain(run -> {
            Quarter upTo = parameters.resolveAsOf(run);
            Uni<List<ScoreReads.TechnologyRef>> technologies = Uni.join().all(slugs.stream().map(reads::technology)
                    .toList()).andFailFast();
            return technologies.chain(refs -> Uni.join().all(refs.stream().map(ref -> reads.history(ref.id(), upTo))
                            .toList()).andFailFast()
                    .chain(histories -> reads.components().chain(set -> sources(MethodV1.DEFAULT_WEIGHTS)
                            .map(sources -> CompareViews.build(run, upTo, refs, histories, set, sources)))));
        });
    }
}
