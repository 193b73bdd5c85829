package dev.techtrends.scoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * Method v2: the stages of v1 with two rules of its own.
 * <ol>
 * <li>Default asOf. v1 takes the newest quarter in which any signal has complete data, so the freshest source
 * (monthly PYPL) decides it and slower sources arrive stale or dropped in every category. v2 takes the newest
 * quarter in which signals carrying at least half of the default weight have complete data.</li>
 * <li>Coverage. v1 counts the default weight of the signals present, ignoring staleness and the weights asked
 * for: a full {@code preset=jobs} ranking reports "low" and a two-year-old signal counts in full. v2 counts the
 * weight actually used (after staleness decay) over the weight asked for.</li>
 * </ol>
 * Levels, normalisation, growth, presets, P, M, T, ranks, stages and "why it moved" are v1's, so in a given
 * quarter the two differ only in coverage and confidence.
 */
public final class MethodV2 implements ScoringMethod {

    public static final MethodV2 INSTANCE = new MethodV2();

    /** Share of the default weight whose signals must have complete data in the default asOf. */
    public static final double DEFAULT_AS_OF_MIN_WEIGHT_SHARE = 0.5;

    private static final Coverage COVERAGE = Coverage.ofWeightUsed();

    private MethodV2() {
    }

    @Override
    public String version() {
        return "v2";
    }

    @Override
    public List<Preset> presets() {
        return MethodV1.PRESETS;
    }

    @Override
    public double defaultMomentumWeight() {
        return MethodV1.DEFAULT_MOMENTUM_WEIGHT;
    }

    /** The newest quarter in which signals carrying at least half of the default weight have complete data. */
    @Override
    public Optional<Quarter> defaultAsOf(Collection<Observation> observations) {
        return newestWithHalfTheWeight(newestCompleteBySignal(observations), defaultPreset().weights());
    }

    /** Each signal's newest quarter with complete (aligned) data; yearly values are not aligned, so not counted. */
    static Map<String, Quarter> newestCompleteBySignal(Collection<Observation> observations) {
        Map<String, Quarter> newestBySignal = new HashMap<>();
        for (Map.Entry<Components.SeriesKey, NavigableMap<Quarter, Double>> series
                : Components.alignToQuarters(observations).entrySet()) {
            newestBySignal.merge(series.getKey().signal(), series.getValue().lastKey(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        return newestBySignal;
    }

    /**
     * The newest of the signals' newest quarters by which signals carrying at least half of the default weight have
     * data (v2's default asOf, also v3's).
     */
    static Optional<Quarter> newestWithHalfTheWeight(Map<String, Quarter> newestBySignal, Weights defaults) {
        // less a rounding allowance: 0.15 + 0.15 + 0.1 + 0.1 adds up to just under 0.5 in binary
        double needed = DEFAULT_AS_OF_MIN_WEIGHT_SHARE * defaults.total() - 1e-9;
        return newestBySignal.values().stream().distinct()
                .filter(candidate -> newestBySignal.entrySet().stream()
                        .filter(signal -> !signal.getValue().isBefore(candidate))
                        .mapToDouble(signal -> defaults.weightOf(signal.getKey()))
                        .sum() >= needed)
                .max(Quarter::compareTo);
    }

    @Override
    public List<SignalComponent> components(Set<String> categoryTechnologies, Collection<Observation> observations,
                                            Quarter lastQuarter) {
        return Components.compute(categoryTechnologies, observations, lastQuarter);
    }

    @Override
    public Score score(String technology, Quarter quarter, Collection<SignalComponent> components, Weights weights,
                       double momentumWeight) {
        return Score.compute(technology, quarter, components, weights, momentumWeight, COVERAGE);
    }

    @Override
    public MethodDescription description() {
        Map<String, Object> parameters = MethodV1.parameters(this);
        parameters.put("defaultAsOfMinWeightShare", DEFAULT_AS_OF_MIN_WEIGHT_SHARE);
        parameters.put("coverage", "weight used (after staleness decay) / weight asked");
        return new MethodDescription(MethodV1.formulas(defaultPreset(),
                        "The default asOf is the newest quarter in which signals carrying at least half of the default "
                                + "weight have complete data (v1: any signal), so slower sources are fresh rather than "
                                + "stale or dropped.",
                        "Coverage = the weight used after staleness decay, over signals with a level, divided by the "
                                + "weight asked for (v1: the default weight of the signals present); confidence is low "
                                + "below 0.25, medium below 0.6, high otherwise."),
                parameters,
                List.of(MethodV1.NORMALISATION_CAVEAT, MethodV1.MOMENTUM_CAVEAT, MethodV1.KEYWORD_CAVEAT));
    }
}
