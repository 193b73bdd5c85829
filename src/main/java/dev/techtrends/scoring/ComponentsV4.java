package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stage 1 of method v4: v3's components (category basis, yearly usage, anchoring), each with the multi-year
 * {@link LogTrend} of its series up to the quarter its data is from.
 * <ul>
 *   <li><b>Quarterly and monthly signals</b> (monthly ones as quarterly means): the points are the quarters of the
 *   {@value #WINDOW_YEARS}-year window ending at the data quarter, each value divided by the summed values of the
 *   window's <em>trend basis</em>: the technologies with a value above 0 in every quarter of the window in which the
 *   signal has data. The basis is fixed for the window, so a universe growing around the category, or a newcomer
 *   joining it, moves no slope (as v3's category basis does for one-year growth). A slope needs
 *   {@value #MIN_QUARTERS} points or more, the first at least {@value #MIN_SPAN_YEARS} years before the last.</li>
 *   <li><b>Yearly signals</b> (survey editions, as published): the editions of the {@value #WINDOW_YEARS} years up to
 *   the newest one published by then (no look-ahead: an edition counts from the quarter it was published in), at
 *   least {@value #MIN_EDITIONS}, spanning at least {@value #MIN_SPAN_YEARS} years.</li>
 *   <li><b>Series breaks</b>: a window never reaches back across a break; only the points from the newest break on
 *   count, so a change of a survey's label or question can never create a trend.</li>
 * </ul>
 * Pure: no I/O, no clock; the same input always gives the same list.
 */
public final class ComponentsV4 {

    /** The trend window: this many years of data up to the newest point. */
    public static final int WINDOW_YEARS = 3;
    /** Quarterly points a trend needs at least. */
    public static final int MIN_QUARTERS = 8;
    /** Editions a yearly trend needs at least. */
    public static final int MIN_EDITIONS = 3;
    /** The first point of a trend is at least this many years before its last. */
    public static final int MIN_SPAN_YEARS = 2;

    private static final int WINDOW_QUARTERS = 4 * WINDOW_YEARS;

    private ComponentsV4() {
    }

    /** A series' trend as of the quarter its newest point is from. */
    private record TrendKey(String signal, String technology, Quarter dataQuarter) {
    }

    /**
     * @see ScoringMethod#components
     */
    public static List<SignalComponent> compute(Set<String> categoryTechnologies,
                                                Collection<Observation> observations, Quarter lastQuarter) {
        List<SignalComponent> components = ComponentsV3.compute(categoryTechnologies, observations, lastQuarter);
        Map<TrendKey, LogTrend> trends = trends(observations, lastQuarter);
        List<SignalComponent> withTrends = new ArrayList<>(components.size());
        for (SignalComponent component : components) {
            LogTrend trend = component.hasLevel() ? trends.get(new TrendKey(component.signal(),
                    component.technology(), component.dataQuarter())) : null;
            withTrends.add(trend == null ? component : component.withTrend(trend));
        }
        return withTrends;
    }

    /** Every series' trend as of each quarter it has data in, up to lastQuarter. */
    private static Map<TrendKey, LogTrend> trends(Collection<Observation> observations, Quarter lastQuarter) {
        List<Observation> yearly = new ArrayList<>();
        List<Observation> periodic = new ArrayList<>();
        Map<Components.SeriesKey, Quarter> newestBreak = new HashMap<>();
        for (Observation observation : observations) {
            (observation.granularity() == Granularity.YEAR ? yearly : periodic).add(observation);
            if (observation.startsNewSeries() && observation.granularity() != Granularity.YEAR) {
                // a break inside a quarter leaves that quarter's mean mixed: the new series starts after it
                Quarter start = observation.periodStart().equals(observation.quarter().start())
                        ? observation.quarter() : observation.quarter().plus(1);
                newestBreak.merge(new Components.SeriesKey(observation.signal(), observation.technology()), start,
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<TrendKey, LogTrend> trends = new HashMap<>();
        Map<String, Map<String, NavigableMap<Quarter, Double>>> bySignal = new TreeMap<>();
        Components.alignToQuarters(periodic).forEach((key, series) -> bySignal
                .computeIfAbsent(key.signal(), s -> new TreeMap<>())
                .put(key.technology(), series.headMap(lastQuarter, true)));
        bySignal.forEach((signal, series) -> quarterlyTrends(signal, series, newestBreak, trends));
        yearlyTrends(yearly, lastQuarter, trends);
        return trends;
    }

    private static void quarterlyTrends(String signal, Map<String, NavigableMap<Quarter, Double>> series,
                                        Map<Components.SeriesKey, Quarter> breaks, Map<TrendKey, LogTrend> into) {
        Set<Quarter> quarters = new TreeSet<>();
        series.values().forEach(values -> quarters.addAll(values.keySet()));
        for (Quarter quarter : quarters) {
            Quarter windowStart = quarter.minus(WINDOW_QUARTERS);
            Map<Quarter, Double> totals = basisTotals(series, windowStart, quarter);
            if (totals == null) {
                continue;
            }
            series.forEach((technology, values) -> {
                if (!values.containsKey(quarter)) {
                    return;
                }
                Quarter seriesStart = breaks.get(new Components.SeriesKey(signal, technology));
                // a break after this quarter belongs to a later series and does not cut this window
                Quarter from = seriesStart != null && seriesStart.isAfter(windowStart) && !seriesStart.isAfter(quarter)
                        ? seriesStart : windowStart;
                List<double[]> points = new ArrayList<>();
                Quarter first = null;
                for (Map.Entry<Quarter, Double> point : values.subMap(from, true, quarter, true).entrySet()) {
                    double total = totals.get(point.getKey());
                    if (point.getValue() > 0 && total > 0) {
                        points.add(new double[] {yearsOf(point.getKey()), point.getValue() / total});
                        first = first == null ? point.getKey() : first;
                    }
                }
                if (points.size() >= MIN_QUARTERS && first.quartersUntil(quarter) >= 4 * MIN_SPAN_YEARS) {
                    into.put(new TrendKey(signal, technology, quarter), fit(points, first, quarter));
                }
            });
        }
    }

    /**
     * The summed values of the window's trend basis in each quarter of the window: the technologies with a value
     * above 0 in every quarter of it in which the signal has data. {@code null} with fewer than
     * {@link ComponentsV3#MIN_ESTABLISHED} of them: a share of one says nothing.
     */
    private static Map<Quarter, Double> basisTotals(Map<String, NavigableMap<Quarter, Double>> series,
                                                    Quarter from, Quarter to) {
        Set<Quarter> withData = new TreeSet<>();
        series.values().forEach(values -> withData.addAll(values.subMap(from, true, to, true).keySet()));
        Map<Quarter, Double> totals = new HashMap<>();
        withData.forEach(quarter -> totals.put(quarter, 0.0));
        int members = 0;
        for (NavigableMap<Quarter, Double> values : series.values()) {
            boolean everywhere = true;
            for (Quarter quarter : withData) {
                Double value = values.get(quarter);
                everywhere &= value != null && value > 0;
            }
            if (everywhere) {
                members++;
                withData.forEach(quarter -> totals.merge(quarter, values.get(quarter), Double::sum));
            }
        }
        return members < ComponentsV3.MIN_ESTABLISHED ? null : totals;
    }

    /**
     * Per technology and edition published by lastQuarter: the trend over the editions of the window up to it, keyed
     * by the quarter that edition was published in (the data quarter of the components that carry it).
     */
    private static void yearlyTrends(List<Observation> yearly, Quarter lastQuarter, Map<TrendKey, LogTrend> into) {
        Map<Components.SeriesKey, NavigableMap<Integer, Observation>> editions = new TreeMap<>();
        for (Observation observation : yearly) {
            if (!observation.publishedIn().isAfter(lastQuarter)) {
                editions.computeIfAbsent(new Components.SeriesKey(observation.signal(), observation.technology()),
                        k -> new TreeMap<>()).put(observation.periodStart().getYear(), observation);
            }
        }
        editions.forEach((key, byYear) -> byYear.forEach((year, newest) -> {
            List<double[]> points = new ArrayList<>();
            Observation first = null;
            // newest first, back to the window's start or the edition that starts the series
            for (Observation edition : byYear.subMap(year - WINDOW_YEARS, true, year, true).descendingMap().values()) {
                if (edition.value() > 0) {
                    points.add(0, new double[] {edition.periodStart().getYear(), edition.value()});
                    first = edition;
                }
                if (edition.startsNewSeries()) {
                    break;
                }
            }
            if (points.size() >= MIN_EDITIONS && year - first.periodStart().getYear() >= MIN_SPAN_YEARS) {
                into.put(new TrendKey(key.signal(), key.technology(), newest.publishedIn()),
                        fit(points, first.publishedIn(), newest.publishedIn()));
            }
        }));
    }

    private static LogTrend fit(List<double[]> points, Quarter from, Quarter to) {
        double[] years = new double[points.size()];
        double[] values = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            years[i] = points.get(i)[0];
            values[i] = points.get(i)[1];
        }
        return LogTrend.fit(years, values, from, to);
    }

    /** A quarter's time in years: its year plus a quarter of a year per quarter. */
    private static double yearsOf(Quarter quarter) {
        return quarter.year() + (quarter.quarter() - 1) / 4.0;
    }
}
