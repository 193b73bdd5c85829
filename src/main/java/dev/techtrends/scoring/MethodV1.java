package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scoring method v1 (DESIGN §3): its published parameters and the entry points of its three stages.
 * <ol>
 *   <li>{@link Components}: observations → levels, normalised levels and growths per signal (stored);</li>
 *   <li>{@link Score}: components + weights + momentum weight → popularity, momentum, trend score, breakdown;</li>
 *   <li>{@link Ranking}: scores of a category → ranks, changes and why each technology moved.</li>
 * </ol>
 * Everything is pure: no I/O, no clock, no framework.
 */
public final class MethodV1 {

    public static final String VERSION = "v1";

    // The signals the method weighs (keys of the signal catalogue).
    public static final String GITHUB_TOPIC_DEVELOPERS = "github_topic_developers";
    public static final String GITHUB_LANGUAGE_DEVELOPERS = "github_language_developers";
    public static final String SEARCH_INTEREST = "search_interest";
    public static final String QA_QUESTIONS = "qa_questions";
    public static final String JOB_POSTINGS = "job_postings";

    /** The level is the mean of this many trailing quarters (a year, which also evens out seasons)... */
    public static final int LEVEL_WINDOW_QUARTERS = 4;
    /** ...of which at least this many must have data. */
    public static final int LEVEL_MIN_QUARTERS = 3;
    /** Growth compares the level with the level this many quarters before: year on year. */
    public static final int GROWTH_LAG_QUARTERS = 4;
    /** Growth (a natural log) is clamped to [-this, this], so one outlier signal cannot dominate momentum. */
    public static final double GROWTH_CLAMP = 1.0;
    /** Momentum is scaled by ln 2 in the trend score: doubling in a year is the top. */
    public static final double MOMENTUM_SCALE = Math.log(2);
    /** The default α: half how big it is, half how fast it grows. */
    public static final double DEFAULT_MOMENTUM_WEIGHT = 0.5;
    /** Stale data counts half as much per this many quarters of age. */
    public static final int STALENESS_HALF_LIFE_QUARTERS = 4;
    /** Data older than this many quarters does not count at all. */
    public static final int MAX_AGE_QUARTERS = 8;

    /** The default weights, also the base of coverage. */
    public static final Weights DEFAULT_WEIGHTS = Weights.BALANCED;
    public static final String DEFAULT_PRESET = "balanced";

    private MethodV1() {
    }

    /** Stage 1 for one category; see {@link Components#compute(Set, Collection, Quarter)}. */
    public static List<SignalComponent> components(Set<String> categoryTechnologies,
                                                   Collection<Observation> observations, Quarter lastQuarter) {
        return Components.compute(categoryTechnologies, observations, lastQuarter);
    }

    /** The default asOf: the newest quarter for which any signal has complete data; empty without data. */
    public static Optional<Quarter> defaultAsOf(Collection<Observation> observations) {
        return Components.newestCompleteQuarter(observations);
    }

    /**
     * Stage 2 for every technology of a category in one quarter, from stored components (any quarters; those of
     * other quarters are skipped). A technology without components gets a score with no figures and coverage 0.
     *
     * @return scores sorted by technology
     */
    public static List<Score> scores(Set<String> categoryTechnologies, Quarter quarter,
                                     Collection<SignalComponent> components, Weights weights, double momentumWeight) {
        Map<String, List<SignalComponent>> byTechnology = new HashMap<>();
        for (SignalComponent component : components) {
            if (component.quarter().equals(quarter)) {
                requireInCategory(categoryTechnologies, component);
                byTechnology.computeIfAbsent(component.technology(), t -> new ArrayList<>()).add(component);
            }
        }
        List<Score> scores = new ArrayList<>(categoryTechnologies.size());
        for (String technology : new TreeSet<>(categoryTechnologies)) {
            scores.add(Score.compute(technology, quarter, byTechnology.getOrDefault(technology, List.of()), weights,
                    momentumWeight));
        }
        return scores;
    }

    /**
     * Stage 2 for every technology of a category in every quarter that has components, grouping them once: what a
     * full recompute or a history needs. A technology without components in a quarter gets an empty score there.
     */
    public static NavigableMap<Quarter, List<Score>> scoresByQuarter(Set<String> categoryTechnologies,
                                                                     Collection<SignalComponent> components,
                                                                     Weights weights, double momentumWeight) {
        Map<Quarter, List<SignalComponent>> byQuarter = byQuarter(components);
        NavigableMap<Quarter, List<Score>> scores = new TreeMap<>();
        byQuarter.forEach((quarter, ofQuarter) ->
                scores.put(quarter, scores(categoryTechnologies, quarter, ofQuarter, weights, momentumWeight)));
        return scores;
    }

    /**
     * Stages 2 and 3: the ranking of a category in asOf, with changes against asOf − 1 and asOf − 4, from stored
     * components alone (this is how custom weights are served).
     */
    public static List<Ranking.Entry> ranking(Set<String> categoryTechnologies, Quarter asOf,
                                              Collection<SignalComponent> components, Weights weights,
                                              double momentumWeight, Ranking.Order order) {
        Objects.requireNonNull(asOf, "asOf");
        Map<Quarter, List<SignalComponent>> byQuarter = byQuarter(components);
        Quarter previous = asOf.minus(1);
        Quarter yearAgo = asOf.minus(4);
        return Ranking.rank(asOf,
                scores(categoryTechnologies, asOf, byQuarter.getOrDefault(asOf, List.of()), weights, momentumWeight),
                scores(categoryTechnologies, previous, byQuarter.getOrDefault(previous, List.of()), weights,
                        momentumWeight),
                scores(categoryTechnologies, yearAgo, byQuarter.getOrDefault(yearAgo, List.of()), weights,
                        momentumWeight),
                order);
    }

    /** The method's parameters by name, for {@code /api/v1/methodology}. */
    public static Map<String, Object> publishedParameters() {
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("adoptMinPopularity", Stage.ADOPT_MIN_POPULARITY);
        stages.put("adoptMinMomentum", Stage.ADOPT_MIN_MOMENTUM);
        stages.put("trialMinMomentum", Stage.TRIAL_MIN_MOMENTUM);
        stages.put("assessMinMomentum", Stage.ASSESS_MIN_MOMENTUM);
        Map<String, Object> confidence = new LinkedHashMap<>();
        confidence.put("lowBelowCoverage", Confidence.LOW_BELOW);
        confidence.put("mediumBelowCoverage", Confidence.MEDIUM_BELOW);
        Map<String, Object> presets = new LinkedHashMap<>();
        Weights.PRESETS.forEach((name, weights) -> presets.put(name, weights.bySignal()));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("version", VERSION);
        parameters.put("levelWindowQuarters", LEVEL_WINDOW_QUARTERS);
        parameters.put("levelMinQuarters", LEVEL_MIN_QUARTERS);
        parameters.put("growthLagQuarters", GROWTH_LAG_QUARTERS);
        parameters.put("growthClamp", GROWTH_CLAMP);
        parameters.put("momentumScale", MOMENTUM_SCALE);
        parameters.put("defaultMomentumWeight", DEFAULT_MOMENTUM_WEIGHT);
        parameters.put("stalenessHalfLifeQuarters", STALENESS_HALF_LIFE_QUARTERS);
        parameters.put("maxAgeQuarters", MAX_AGE_QUARTERS);
        parameters.put("defaultPreset", DEFAULT_PRESET);
        parameters.put("presets", presets);
        parameters.put("stageThresholds", stages);
        parameters.put("confidenceThresholds", confidence);
        return parameters;
    }

    private static Map<Quarter, List<SignalComponent>> byQuarter(Collection<SignalComponent> components) {
        Map<Quarter, List<SignalComponent>> byQuarter = new HashMap<>();
        for (SignalComponent component : components) {
            byQuarter.computeIfAbsent(component.quarter(), q -> new ArrayList<>()).add(component);
        }
        return byQuarter;
    }

    /** α must be in [0, 1]. */
    static void requireValidMomentumWeight(double momentumWeight) {
        if (!(momentumWeight >= 0 && momentumWeight <= 1)) { // also refuses NaN
            throw new IllegalArgumentException("momentumWeight must be between 0 and 1, got " + momentumWeight);
        }
    }

    private static void requireInCategory(Set<String> categoryTechnologies, SignalComponent component) {
        if (!categoryTechnologies.contains(component.technology())) {
            throw new IllegalArgumentException("component of '" + component.technology()
                    + "' passed, but it is not one of the category's technologies " + categoryTechnologies);
        }
    }
}
