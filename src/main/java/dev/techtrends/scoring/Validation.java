package dev.techtrends.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A method's track record against the usage survey: for each edition E and category, the method's ranking as of
 * E-Q2, computed with every signal cut at E-Q2 (periods up to it) and the editions before E only, against the share
 * of developers who reported using each technology in edition E. Pure: no I/O, no clock.
 */
public final class Validation {

    /** The first edition validated: the first with web frameworks asked on their own (2019). */
    public static final int FIRST_EDITION = 2019;
    /** A category is validated in an edition where at least this many of its technologies have a usage value. */
    public static final int MIN_TECHNOLOGIES = 10;

    /**
     * One edition and category.
     *
     * @param edition           the survey edition validated against
     * @param category          category slug
     * @param asOf              the quarter ranked, the one before the edition's publication
     * @param technologies      technologies with a usage value in the edition
     * @param popularity        Spearman's ρ of the method's popularity against the edition's usage, over the
     *                          technologies with both; {@code null} with fewer than 3
     * @param popularityPairs   how many technologies that is
     * @param baseline          ρ of the previous edition's usage against this one's: what "last year's survey"
     *                          achieves without any method; {@code null} with fewer than 3
     * @param baselinePairs     how many technologies that is
     * @param momentum          ρ of the method's momentum against the usage growth ln(E / E−1), over technologies
     *                          with both and no series break at E; {@code null} with fewer than 3
     * @param momentumPairs     how many technologies that is
     */
    public record Result(int edition, String category, Quarter asOf, int technologies, Double popularity,
                         int popularityPairs, Double baseline, int baselinePairs, Double momentum, int momentumPairs) {
    }

    /** The first edition of the momentum track record: the first whose three-year change the survey can give. */
    public static final int FIRST_MOMENTUM_EDITION = 2020;
    /** A category's momentum is validated in an edition where at least this many of its technologies have a change. */
    public static final int MIN_MOMENTUM_TECHNOLOGIES = 8;
    /** The realised change is measured over this many years ending with the edition (v4's window). */
    public static final int CHANGE_YEARS = ComponentsV4.WINDOW_YEARS;

    /**
     * One edition and category of the momentum track record: how well a momentum known before edition E ranks the
     * change of usage that E then confirmed, ln(U_E / U_{E−3}).
     *
     * @param technologies    technologies with that realised change (usage in both editions, no series break between)
     * @param momentum        the method's momentum against it: Spearman's ρ, the share on the right side of the
     *                        category's median, and over how many technologies
     * @param surveyBaseline  the survey's own last known change over as many years, ln(U_{E−1} / U_{E−4})
     * @param oneYearBaseline v3's one-year momentum at the same quarter
     */
    public record MomentumResult(int edition, String category, Quarter asOf, int technologies, Agreement momentum,
                                 Agreement surveyBaseline, Agreement oneYearBaseline) {
    }

    /**
     * How well one predictor ranks the realised changes.
     *
     * @param rho       Spearman's ρ; {@code null} with fewer than 3 pairs
     * @param rightSide the share of technologies on the same side of the median by both (at or above, or below)
     * @param pairs     technologies with both
     */
    public record Agreement(Double rho, Double rightSide, int pairs) {
        static Agreement of(List<double[]> pairs) {
            if (pairs.size() < 3) {
                return new Agreement(null, null, pairs.size());
            }
            double[] predicted = new double[pairs.size()];
            double[] realised = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                predicted[i] = pairs.get(i)[0];
                realised[i] = pairs.get(i)[1];
            }
            double predictedMedian = LogTrend.median(predicted.clone());
            double realisedMedian = LogTrend.median(realised.clone());
            int right = 0;
            for (int i = 0; i < pairs.size(); i++) {
                right += (predicted[i] >= predictedMedian) == (realised[i] >= realisedMedian) ? 1 : 0;
            }
            return new Agreement(Spearman.rho(pairs), (double) right / pairs.size(), pairs.size());
        }
    }

    private Validation() {
    }

    /**
     * The momentum track record of a method: for each edition E from {@value #FIRST_MOMENTUM_EDITION} and each
     * category with at least {@value #MIN_MOMENTUM_TECHNOLOGIES} technologies with a realised change, the method's
     * momentum as of E-Q2 (every signal cut there, E excluded, default weights) against ln(U_E / U_{E−3}), beside
     * two baselines: the survey's own last known change over as many years and v3's one-year momentum.
     */
    public static List<MomentumResult> momentum(ScoringMethod method, Map<String, Set<String>> technologiesByCategory,
                                                Collection<Observation> observations) {
        Editions editions = Editions.of(technologiesByCategory, observations);
        List<MomentumResult> results = new ArrayList<>();
        for (int year : editions.usage.keySet()) {
            if (year < FIRST_MOMENTUM_EDITION) {
                continue;
            }
            Quarter asOf = Quarter.of(LocalDate.of(year, 4, 1));
            for (Map.Entry<String, List<Observation>> category : editions.byCategory.entrySet()) {
                Set<String> technologies = new TreeSet<>(technologiesByCategory.get(category.getKey()));
                Map<String, Double> realised = editions.change(technologies, year, CHANGE_YEARS);
                if (realised.size() < MIN_MOMENTUM_TECHNOLOGIES) {
                    continue;
                }
                List<Observation> known = knownBefore(category.getValue(), year, asOf);
                Map<String, Score> scores = scores(method, technologies, known, asOf);
                Map<String, Score> oneYear = method == MethodV3.INSTANCE ? scores
                        : scores(MethodV3.INSTANCE, technologies, known, asOf);
                Map<String, Double> lastKnown = editions.change(technologies, year - 1, CHANGE_YEARS);
                results.add(new MomentumResult(year, category.getKey(), asOf, realised.size(),
                        agreement(realised, technology -> momentumOf(scores.get(technology))),
                        agreement(realised, lastKnown::get),
                        agreement(realised, technology -> momentumOf(oneYear.get(technology)))));
            }
        }
        return results;
    }

    private static Double momentumOf(Score score) {
        return score == null ? null : score.momentum();
    }

    private static Agreement agreement(Map<String, Double> realised, Function<String, Double> predictor) {
        List<double[]> pairs = new ArrayList<>();
        realised.forEach((technology, change) -> {
            Double predicted = predictor.apply(technology);
            if (predicted != null) {
                pairs.add(new double[] {predicted, change});
            }
        });
        return Agreement.of(pairs);
    }

    /** The usage editions, and every observation, of each category. */
    private record Editions(Map<String, List<Observation>> byCategory,
                            Map<Integer, Map<String, Observation>> usage) {

        static Editions of(Map<String, Set<String>> technologiesByCategory, Collection<Observation> observations) {
            Map<String, String> categoryOf = new HashMap<>();
            technologiesByCategory.forEach((category, technologies) ->
                    technologies.forEach(technology -> categoryOf.put(technology, category)));
            Map<String, List<Observation>> byCategory = new TreeMap<>();
            Map<Integer, Map<String, Observation>> usage = new TreeMap<>();
            for (Observation observation : observations) {
                String category = categoryOf.get(observation.technology());
                if (category == null) {
                    continue;
                }
                byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(observation);
                if (observation.signal().equals(ComponentsV3.USAGE_SIGNAL)) {
                    usage.computeIfAbsent(observation.periodStart().getYear(), y -> new HashMap<>())
                            .put(observation.technology(), observation);
                }
            }
            return new Editions(byCategory, usage);
        }

        /**
         * ln(U_year / U_{year − years}) of each technology with both editions, above 0, and no series break in
         * between (no edition after the first of them starts a new series).
         */
        Map<String, Double> change(Set<String> technologies, int year, int years) {
            Map<String, Double> changes = new TreeMap<>();
            Map<String, Observation> first = usage.getOrDefault(year - years, Map.of());
            Map<String, Observation> last = usage.getOrDefault(year, Map.of());
            for (String technology : technologies) {
                Observation from = first.get(technology);
                Observation to = last.get(technology);
                if (from == null || to == null || from.value() <= 0 || to.value() <= 0) {
                    continue;
                }
                boolean broken = false;
                for (int between = year - years + 1; between <= year; between++) {
                    Observation edition = usage.getOrDefault(between, Map.of()).get(technology);
                    broken |= edition != null && edition.startsNewSeries();
                }
                if (!broken) {
                    changes.put(technology, Math.log(to.value() / from.value()));
                }
            }
            return changes;
        }
    }

    /** What was known at asOf, the quarter before edition {@code year} was published: periods up to it, earlier editions. */
    private static List<Observation> knownBefore(List<Observation> observations, int year, Quarter asOf) {
        List<Observation> known = new ArrayList<>();
        for (Observation observation : observations) {
            boolean publishedBy = observation.granularity() == Granularity.YEAR
                    ? observation.periodStart().getYear() < year && !observation.publishedIn().isAfter(asOf)
                    : !observation.quarter().isAfter(asOf);
            if (publishedBy) {
                known.add(observation);
            }
        }
        return known;
    }

    /** The method's scores as of asOf with its defaults, by technology. */
    private static Map<String, Score> scores(ScoringMethod method, Set<String> technologies, List<Observation> known,
                                             Quarter asOf) {
        List<SignalComponent> components = method.components(technologies, known, asOf);
        Map<String, Score> scores = new HashMap<>();
        for (Score score : method.scores(technologies, asOf, components, method.defaultPreset().weights(),
                method.defaultMomentumWeight())) {
            scores.put(score.technology(), score);
        }
        return scores;
    }

    /**
     * @param method                   the method validated, with its default weights and momentum weight
     * @param technologiesByCategory   every category's technologies
     * @param observations             every observation, with the usage signal's editions among them
     */
    public static List<Result> of(ScoringMethod method, Map<String, Set<String>> technologiesByCategory,
                                  Collection<Observation> observations) {
        Editions editions = Editions.of(technologiesByCategory, observations);
        List<Result> results = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Observation>> edition : editions.usage.entrySet()) {
            int year = edition.getKey();
            if (year < FIRST_EDITION) {
                continue;
            }
            Map<String, Observation> previous = editions.usage.getOrDefault(year - 1, Map.of());
            Quarter asOf = Quarter.of(LocalDate.of(year, 4, 1));
            for (Map.Entry<String, List<Observation>> category : editions.byCategory.entrySet()) {
                Set<String> technologies = new TreeSet<>(technologiesByCategory.get(category.getKey()));
                Map<String, Observation> usage = new TreeMap<>(edition.getValue());
                usage.keySet().retainAll(technologies);
                if (usage.size() < MIN_TECHNOLOGIES) {
                    continue;
                }
                results.add(validate(method, category.getKey(), technologies, category.getValue(), year, asOf, usage,
                        previous));
            }
        }
        return results;
    }

    private static Result validate(ScoringMethod method, String category, Set<String> technologies,
                                   List<Observation> observations, int year, Quarter asOf,
                                   Map<String, Observation> usage, Map<String, Observation> previous) {
        Map<String, Score> scores = scores(method, technologies, knownBefore(observations, year, asOf), asOf);
        List<double[]> popularity = new ArrayList<>();
        List<double[]> baseline = new ArrayList<>();
        List<double[]> momentum = new ArrayList<>();
        usage.forEach((technology, edition) -> {
            Score score = scores.get(technology);
            if (score != null && score.popularity() != null) {
                popularity.add(new double[] {score.popularity(), edition.value()});
            }
            Observation before = previous.get(technology);
            if (before != null) {
                baseline.add(new double[] {before.value(), edition.value()});
                if (score != null && score.momentum() != null && !edition.startsNewSeries() && before.value() > 0
                        && edition.value() > 0) {
                    momentum.add(new double[] {score.momentum(), Math.log(edition.value() / before.value())});
                }
            }
        });
        return new Result(year, category, asOf, usage.size(), Spearman.rho(popularity), popularity.size(),
                Spearman.rho(baseline), baseline.size(), Spearman.rho(momentum), momentum.size());
    }
}
