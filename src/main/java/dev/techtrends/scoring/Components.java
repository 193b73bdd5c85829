package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage 1 of the quarterly methods: observations of one category → {@link SignalComponent}s (levels, normalised
 * levels, growths).
 * Pure: no I/O, no clock; the same input always gives the same list.
 */
public final class Components {

    /** Identifies one time series: a signal measured for a technology. */
    public record SeriesKey(String signal, String technology) implements Comparable<SeriesKey> {
        private static final Comparator<SeriesKey> ORDER =
                Comparator.comparing(SeriesKey::signal).thenComparing(SeriesKey::technology);

        public SeriesKey {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(technology, "technology");
        }

        @Override
        public int compareTo(SeriesKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A component before normalisation, which needs the levels of the whole category. */
    private record LevelAndGrowth(SeriesKey series, Quarter quarter, Quarter dataQuarter, Double level, Double growth) {
    }

    /** The level is the mean of this many trailing quarters (a year, which also evens out seasons)... */
    public static final int LEVEL_WINDOW_QUARTERS = 4;
    /** ...of which at least this many must have data. */
    public static final int LEVEL_MIN_QUARTERS = 3;
    /** Growth compares the level with the level this many quarters before: year on year. */
    public static final int GROWTH_LAG_QUARTERS = 4;
    /** Growth (a natural log) is clamped to [-this, this], so one outlier signal cannot dominate momentum. */
    public static final double GROWTH_CLAMP = 1.0;
    /** Data older than this many quarters does not count at all. */
    public static final int MAX_AGE_QUARTERS = 8;

    private Components() {
    }

    /**
     * Aligns observations to quarters: a quarterly value passes through; monthly values become the mean of the
     * quarter's three months (yearly values are skipped), and a quarter with a missing month is missing (not zero), since a partial mean
     * would be biased by seasonality and by an unfinished quarter.
     *
     * @throws IllegalArgumentException on two values for the same period, or a quarter given both monthly and quarterly
     */
    public static Map<SeriesKey, NavigableMap<Quarter, Double>> alignToQuarters(Collection<Observation> observations) {
        Map<SeriesKey, NavigableMap<Quarter, Double>> quarterly = new TreeMap<>();
        Map<SeriesKey, Map<Quarter, double[]>> monthlyByQuarter = new HashMap<>();
        for (Observation observation : observations) {
            if (observation.granularity() == Granularity.YEAR) {
                continue; // v1 and v2 predate yearly signals: leaving them out keeps their results reproducible
            }
            SeriesKey key = new SeriesKey(observation.signal(), observation.technology());
            Quarter quarter = observation.quarter();
            if (observation.granularity() == Granularity.QUARTER) {
                if (quarterly.computeIfAbsent(key, k -> new TreeMap<>()).put(quarter, observation.value()) != null) {
                    throw duplicate(observation);
                }
            } else {
                // three slots, one per month of the quarter; NaN marks a month not seen yet
                double[] months = monthlyByQuarter.computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(quarter, q -> new double[] {Double.NaN, Double.NaN, Double.NaN});
                int monthOfQuarter = (observation.periodStart().getMonthValue() - 1) % 3;
                if (!Double.isNaN(months[monthOfQuarter])) {
                    throw duplicate(observation);
                }
                months[monthOfQuarter] = observation.value();
            }
        }
        monthlyByQuarter.forEach((key, quarters) -> quarters.forEach((quarter, months) -> {
            if (Double.isNaN(months[0]) || Double.isNaN(months[1]) || Double.isNaN(months[2])) {
                return;
            }
            NavigableMap<Quarter, Double> series = quarterly.computeIfAbsent(key, k -> new TreeMap<>());
            if (series.containsKey(quarter)) {
                throw new IllegalArgumentException(key.signal() + "/" + key.technology() + " has both a quarterly"
                        + " value and monthly values for " + quarter);
            }
            series.put(quarter, (months[0] + months[1] + months[2]) / 3);
        }));
        return quarterly;
    }

    /**
     * The newest quarter for which any signal has a complete (aligned) value: the default {@code asOf}.
     */
    public static Optional<Quarter> newestCompleteQuarter(Collection<Observation> observations) {
        return alignToQuarters(observations).values().stream()
                .map(NavigableMap::lastKey)
                .max(Comparator.naturalOrder());
    }

    /**
     * Components of one category for every quarter up to {@code lastQuarter}; data after it is ignored, so a past
     * quarter can be reproduced.
     *
     * @param categoryTechnologies the slugs of the category's technologies; the normalised level compares them
     * @param observations         observations of those technologies, any signals and granularities
     * @return components sorted by technology, signal, quarter; one for each quarter from a series' first aligned
     *         value to {@code lastQuarter}, except where its data is more than {@link MethodV1#MAX_AGE_QUARTERS} old
     * @throws IllegalArgumentException if an observation is of a technology outside the category
     */
    public static List<SignalComponent> compute(Set<String> categoryTechnologies,
                                                Collection<Observation> observations, Quarter lastQuarter) {
        return compute(categoryTechnologies, alignToQuarters(observations), lastQuarter);
    }

    private static List<SignalComponent> compute(Set<String> categoryTechnologies,
                                         Map<SeriesKey, NavigableMap<Quarter, Double>> aligned, Quarter lastQuarter) {
        Objects.requireNonNull(lastQuarter, "lastQuarter");
        for (SeriesKey key : aligned.keySet()) {
            if (!categoryTechnologies.contains(key.technology())) {
                throw new IllegalArgumentException("observations of '" + key.technology()
                        + "' were passed, but it is not one of the category's technologies " + categoryTechnologies);
            }
        }
        List<LevelAndGrowth> levelsAndGrowths = new ArrayList<>();
        for (Map.Entry<SeriesKey, NavigableMap<Quarter, Double>> series : aligned.entrySet()) {
            addLevelsAndGrowths(series.getKey(), series.getValue().headMap(lastQuarter, true), lastQuarter,
                    levelsAndGrowths);
        }
        return normalise(levelsAndGrowths);
    }

    /** Levels and growths of one series for each quarter from its first value to lastQuarter. */
    private static void addLevelsAndGrowths(SeriesKey key, NavigableMap<Quarter, Double> values, Quarter lastQuarter,
                                            List<LevelAndGrowth> into) {
        if (values.isEmpty()) {
            return;
        }
        Quarter first = values.firstKey();
        int length = first.quartersUntil(lastQuarter) + 1;
        double[] share = new double[length];
        boolean[] present = new boolean[length];
        values.forEach((quarter, value) -> {
            share[first.quartersUntil(quarter)] = value;
            present[first.quartersUntil(quarter)] = true;
        });
        Double[] trailingYearLevel = trailingYearLevels(share, present);

        int newestDataIndex = -1;
        for (int index = 0; index < length; index++) {
            if (present[index]) {
                newestDataIndex = index;
            }
            int age = index - newestDataIndex;
            if (age > MAX_AGE_QUARTERS) {
                continue;
            }
            // A quarter without data carries the level and growth of the newest data forward (with its age, so the
            // score can discount it), rather than averaging the 3 of 4 trailing quarters still in the window: that
            // would be a shorter average of the same old data, presented as a new level and a new growth.
            into.add(new LevelAndGrowth(key, first.plus(index), first.plus(newestDataIndex),
                    trailingYearLevel[newestDataIndex], growth(trailingYearLevel, newestDataIndex)));
        }
    }

    /** L[q] = mean of the shares of q-3..q, when at least 3 of those 4 quarters have a value. */
    private static Double[] trailingYearLevels(double[] share, boolean[] present) {
        Double[] levels = new Double[share.length];
        for (int index = 0; index < share.length; index++) {
            double sum = 0;
            int quartersWithData = 0;
            for (int back = 0; back < LEVEL_WINDOW_QUARTERS && index - back >= 0; back++) {
                if (present[index - back]) {
                    sum += share[index - back];
                    quartersWithData++;
                }
            }
            if (quartersWithData >= LEVEL_MIN_QUARTERS) {
                levels[index] = sum / quartersWithData;
            }
        }
        return levels;
    }

    /**
     * G[q] = ln(L[q] / L[q-4]) clamped to [-1, 1]. No growth when either level is missing or 0: growth from or to
     * zero is infinite and says nothing a clamp could repair.
     */
    private static Double growth(Double[] levels, int index) {
        int yearAgo = index - GROWTH_LAG_QUARTERS;
        if (yearAgo < 0 || levels[index] == null || levels[yearAgo] == null
                || levels[index] <= 0 || levels[yearAgo] <= 0) {
            return null;
        }
        double logGrowth = Math.log(levels[index] / levels[yearAgo]);
        return Math.max(-GROWTH_CLAMP, Math.min(GROWTH_CLAMP, logGrowth));
    }

    /**
     * N = 100 × L / max L over the category's technologies with a level on the same signal and quarter (stale,
     * carried-forward levels included). When that max is 0 every N is 0.
     */
    private static List<SignalComponent> normalise(List<LevelAndGrowth> levelsAndGrowths) {
        Map<String, Map<Quarter, Double>> highestLevel = new HashMap<>();
        for (LevelAndGrowth item : levelsAndGrowths) {
            if (item.level() != null) {
                highestLevel.computeIfAbsent(item.series().signal(), s -> new HashMap<>())
                        .merge(item.quarter(), item.level(), Math::max);
            }
        }
        List<SignalComponent> normalised = new ArrayList<>(levelsAndGrowths.size());
        for (LevelAndGrowth item : levelsAndGrowths) {
            Double normalisedLevel = null;
            if (item.level() != null) {
                double max = highestLevel.get(item.series().signal()).get(item.quarter());
                // L / max first, so the leader is exactly 100 and nobody exceeds it through rounding
                normalisedLevel = max > 0 ? 100 * (item.level() / max) : 0.0;
            }
            normalised.add(new SignalComponent(item.series().signal(), item.series().technology(), item.quarter(),
                    item.dataQuarter(), item.level(), normalisedLevel, item.growth()));
        }
        normalised.sort(Comparator.comparing(SignalComponent::technology)
                .thenComparing(SignalComponent::signal)
                .thenComparing(SignalComponent::quarter));
        return normalised;
    }

    private static IllegalArgumentException duplicate(Observation observation) {
        return new IllegalArgumentException("two values for " + observation.signal() + "/" + observation.technology()
                + " " + observation.granularity().name().toLowerCase() + " starting " + observation.periodStart());
    }
}
