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

    private Validation() {
    }

    /**
     * @param method                   the method validated, with its default weights and momentum weight
     * @param technologiesByCategory   every category's technologies
     * @param observations             every observation, with the usage signal's editions among them
     */
    public static List<Result> of(ScoringMethod method, Map<String, Set<String>> technologiesByCategory,
                                  Collection<Observation> observations) {
        Weights weights = method.defaultPreset().weights();
        Map<String, String> categoryOf = new HashMap<>();
        technologiesByCategory.forEach((category, technologies) ->
                technologies.forEach(technology -> categoryOf.put(technology, category)));
        Map<String, List<Observation>> byCategory = new TreeMap<>();
        Map<Integer, Map<String, Observation>> usageByEdition = new TreeMap<>();
        for (Observation observation : observations) {
            String category = categoryOf.get(observation.technology());
            if (category == null) {
                continue;
            }
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(observation);
            if (observation.signal().equals(ComponentsV3.USAGE_SIGNAL)) {
                usageByEdition.computeIfAbsent(observation.periodStart().getYear(), y -> new HashMap<>())
                        .put(observation.technology(), observation);
            }
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Observation>> edition : usageByEdition.entrySet()) {
            int year = edition.getKey();
            if (year < FIRST_EDITION) {
                continue;
            }
            Map<String, Observation> previous = usageByEdition.getOrDefault(year - 1, Map.of());
            Quarter asOf = Quarter.of(LocalDate.of(year, 4, 1));
            for (Map.Entry<String, List<Observation>> category : byCategory.entrySet()) {
                Set<String> technologies = new TreeSet<>(technologiesByCategory.get(category.getKey()));
                Map<String, Observation> usage = new TreeMap<>(edition.getValue());
                usage.keySet().retainAll(technologies);
                if (usage.size() < MIN_TECHNOLOGIES) {
                    continue;
                }
                results.add(validate(method, weights, category.getKey(), technologies, category.getValue(), year,
                        asOf, usage, previous));
            }
        }
        return results;
    }

    private static Result validate(ScoringMethod method, Weights weights, String category, Set<String> technologies,
                                   List<Observation> observations, int year, Quarter asOf,
                                   Map<String, Observation> usage, Map<String, Observation> previous) {
        List<Observation> known = new ArrayList<>();
        for (Observation observation : observations) {
            boolean publishedBy = observation.granularity() == Granularity.YEAR
                    ? observation.periodStart().getYear() < year && !observation.publishedIn().isAfter(asOf)
                    : !observation.quarter().isAfter(asOf);
            if (publishedBy) {
                known.add(observation);
            }
        }
        List<SignalComponent> components = method.components(technologies, known, asOf);
        Map<String, Score> scores = new HashMap<>();
        for (Score score : method.scores(technologies, asOf, components, weights, method.defaultMomentumWeight())) {
            scores.put(score.technology(), score);
        }
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
