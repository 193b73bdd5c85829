package dev.techtrends.scoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Method v2: v1 with two fixes, everything else (levels, normalisation, growth, weights, P, M, T, ranks, stages,
 * "why it moved") unchanged, so v2 is computed from v1's stored components.
 * <ol>
 * <li>Default asOf. v1 takes the newest quarter in which any signal has complete data, so the freshest source
 * (monthly PYPL) decides it and slower sources arrive stale or dropped in every category. v2 takes the newest
 * quarter in which signals carrying at least half of the default weight have complete data.</li>
 * <li>Coverage. v1 counts the default weight of the signals present, ignoring staleness and the weights asked
 * for: a full {@code preset=jobs} ranking reports "low" and a two-year-old signal counts in full. v2 counts the
 * weight actually used (after staleness decay) over the weight asked for.</li>
 * </ol>
 */
public final class MethodV2 {

    public static final String VERSION = "v2";

    /** Share of the default weight whose signals must have complete data in the default asOf. */
    public static final double DEFAULT_AS_OF_MIN_WEIGHT_SHARE = 0.5;

    private MethodV2() {
    }

    /** The newest quarter in which signals carrying at least half of the default weight have complete data. */
    public static Optional<Quarter> defaultAsOf(Collection<Observation> observations) {
        Map<String, Quarter> newestBySignal = new HashMap<>();
        for (Map.Entry<Components.SeriesKey, NavigableMap<Quarter, Double>> series
                : Components.alignToQuarters(observations).entrySet()) {
            newestBySignal.merge(series.getKey().signal(), series.getValue().lastKey(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        double needed = DEFAULT_AS_OF_MIN_WEIGHT_SHARE * MethodV1.DEFAULT_WEIGHTS.total();
        return newestBySignal.values().stream().distinct()
                .filter(candidate -> newestBySignal.entrySet().stream()
                        .filter(signal -> !signal.getValue().isBefore(candidate))
                        .mapToDouble(signal -> MethodV1.DEFAULT_WEIGHTS.weightOf(signal.getKey()))
                        .sum() >= needed)
                .max(Quarter::compareTo);
    }

    /** The v2 score: the v1 score with coverage (and so confidence) from the weight used over the weight asked. */
    public static Score rescore(Score v1, Weights weights) {
        double asked = weights.total();
        double used = v1.signals().stream().filter(signal -> signal.level() != null)
                .mapToDouble(Score.SignalContribution::weightUsed).sum();
        double coverage = asked == 0 ? 0 : Math.min(1, used / asked);
        return new Score(v1.technology(), v1.quarter(), v1.popularity(), v1.momentum(), v1.momentumPct(),
                v1.trendScore(), coverage, Confidence.of(coverage), v1.stage(), v1.momentumWeight(), v1.signals());
    }

    /** A v1 ranking entry with its scores rescored; ranks and changes are v1's, which v2 does not touch. */
    public static Ranking.Entry rescore(Ranking.Entry v1, Weights weights) {
        return new Ranking.Entry(v1.technology(), v1.rank(), rescore(v1.score(), weights), v1.sincePreviousQuarter(),
                v1.sinceYearAgo());
    }

    public static Map<String, Object> publishedParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>(MethodV1.publishedParameters());
        parameters.put("version", VERSION);
        parameters.put("defaultAsOfMinWeightShare", DEFAULT_AS_OF_MIN_WEIGHT_SHARE);
        parameters.put("coverage", "weight used (after staleness decay) / weight asked");
        return parameters;
    }

    static List<String> changes() {
        return List.of("default asOf: the newest quarter in which signals carrying at least half of the default "
                        + "weight have complete data (v1: any signal)",
                "coverage: weight used after staleness decay over the weight asked for (v1: default weight of the "
                        + "signals present)");
    }
}
