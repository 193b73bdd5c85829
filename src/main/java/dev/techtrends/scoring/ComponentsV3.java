package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage 1 of method v3: three changes to v1's components, each answering a way v1 disagreed with reality.
 * <ol>
 *   <li><b>Category basis.</b> A share of a source's whole universe falls for every technology of a category when an
 *   outsider booms (AI repository topics). v3 divides each value by the summed values of the category's
 *   <em>established set</em> in the same quarter: its technologies with a value above 0 in each of the last
 *   {@value #ESTABLISHED_QUARTERS} quarters. The universe cancels out, so only movements within the category count.
 *   In a quarter with fewer than {@value #MIN_ESTABLISHED} established technologies (a signal's first quarters) the
 *   sum is over the technologies with a value there; a signal that never has {@value #MIN_ESTABLISHED} of those keeps
 *   universe shares.</li>
 *   <li><b>Yearly usage.</b> A survey edition (granularity year) counts from the quarter it was published in
 *   ({@link Observation#publishedIn()}), its level the published percentage, its growth ln(edition / previous
 *   edition) clamped like any growth, none across a series break or a missing edition.</li>
 *   <li><b>Anchoring.</b> Repository topics and search shares depend on tagging and naming habits that differ by
 *   ecosystem, so their levels rank technologies wrongly across ecosystems (ASP.NET Core). Where the category has
 *   usage data, every other signal's level is also re-expressed on the survey's scale: the technology's usage at
 *   the calibration quarter (the quarter before the usage edition was published, or the signal's own newest data
 *   quarter if older) times the signal's change since then, A = U · exp(clamp(ln(L / L_calibration))). A technology
 *   without a calibration gets the category's median exchange rate, A = median(U / L_calibration) · L. The score
 *   uses the anchored levels when usage is weighted (see {@link MethodV3#score}).</li>
 * </ol>
 * Pure: no I/O, no clock; the same input always gives the same list.
 */
public final class ComponentsV3 {

    /** The signal that anchors the others: developers' reported usage. */
    public static final String USAGE_SIGNAL = "developer_usage";
    /** A technology is established in a quarter when it has a value above 0 in each of this many quarters to it. */
    public static final int ESTABLISHED_QUARTERS = 8;
    /** Fewer established technologies than this make no category basis. */
    public static final int MIN_ESTABLISHED = 2;

    private ComponentsV3() {
    }

    /**
     * Components of one category for every quarter up to {@code lastQuarter}; data after it (and survey editions
     * published after it) is ignored, so a past quarter can be reproduced.
     *
     * @throws IllegalArgumentException if an observation is of a technology outside the category
     */
    public static List<SignalComponent> compute(Set<String> categoryTechnologies, Collection<Observation> observations,
                                                Quarter lastQuarter) {
        Objects.requireNonNull(lastQuarter, "lastQuarter");
        List<Observation> yearly = new ArrayList<>();
        List<Observation> periodic = new ArrayList<>();
        for (Observation observation : observations) {
            if (!categoryTechnologies.contains(observation.technology())) {
                throw new IllegalArgumentException("observations of '" + observation.technology()
                        + "' were passed, but it is not one of the category's technologies " + categoryTechnologies);
            }
            (observation.granularity() == Granularity.YEAR ? yearly : periodic).add(observation);
        }
        Map<Components.SeriesKey, NavigableMap<Quarter, Double>> aligned = Components.alignToQuarters(periodic);
        aligned.replaceAll((key, series) -> new TreeMap<>(series.headMap(lastQuarter, true)));

        List<SignalComponent> components = new ArrayList<>();
        Map<String, Map<Components.SeriesKey, NavigableMap<Quarter, Double>>> bySignal = new TreeMap<>();
        aligned.forEach((key, series) -> bySignal.computeIfAbsent(key.signal(), s -> new TreeMap<>()).put(key, series));
        bySignal.forEach((signal, series) -> {
            Map<Components.SeriesKey, NavigableMap<Quarter, Double>> shares = categoryShares(series);
            boolean categoryBasis = shares.values().stream().anyMatch(values -> !values.isEmpty());
            LevelBasis basis = categoryBasis ? LevelBasis.CATEGORY : LevelBasis.UNIVERSE;
            for (SignalComponent component : Components.compute(categoryTechnologies,
                    categoryBasis ? shares : series, lastQuarter)) {
                components.add(component.withBasis(basis));
            }
        });
        List<SignalComponent> usage = yearlyComponents(yearly, lastQuarter);
        components.addAll(usage);
        List<SignalComponent> anchored = anchor(components, usage);
        anchored.sort(Comparator.comparing(SignalComponent::technology)
                .thenComparing(SignalComponent::signal)
                .thenComparing(SignalComponent::quarter));
        return anchored;
    }

    /**
     * Each value of one signal divided by the sum, in the same quarter, of the values of the technologies established
     * there; in a quarter with fewer than {@link #MIN_ESTABLISHED} of them (the first quarters of a signal), of the
     * technologies with a value above 0 there; quarters with fewer than that many of those are left out.
     */
    static Map<Components.SeriesKey, NavigableMap<Quarter, Double>> categoryShares(
            Map<Components.SeriesKey, NavigableMap<Quarter, Double>> series) {
        Map<Quarter, double[]> established = new HashMap<>(); // {sum, count}
        Map<Quarter, double[]> tracked = new HashMap<>();
        for (NavigableMap<Quarter, Double> values : series.values()) {
            for (Map.Entry<Quarter, Double> value : values.entrySet()) {
                if (value.getValue() <= 0) {
                    continue;
                }
                add(tracked, value.getKey(), value.getValue());
                if (established(values, value.getKey())) {
                    add(established, value.getKey(), value.getValue());
                }
            }
        }
        Map<Components.SeriesKey, NavigableMap<Quarter, Double>> shares = new TreeMap<>();
        series.forEach((key, values) -> {
            NavigableMap<Quarter, Double> ofTechnology = new TreeMap<>();
            values.forEach((quarter, value) -> {
                double[] basis = established.getOrDefault(quarter, new double[2]);
                if (basis[1] < MIN_ESTABLISHED) {
                    basis = tracked.getOrDefault(quarter, new double[2]);
                }
                if (basis[1] >= MIN_ESTABLISHED) {
                    ofTechnology.put(quarter, value / basis[0]);
                }
            });
            shares.put(key, ofTechnology);
        });
        return shares;
    }

    private static void add(Map<Quarter, double[]> sums, Quarter quarter, double value) {
        double[] sum = sums.computeIfAbsent(quarter, q -> new double[2]);
        sum[0] += value;
        sum[1]++;
    }

    private static boolean established(NavigableMap<Quarter, Double> values, Quarter quarter) {
        for (int back = 0; back < ESTABLISHED_QUARTERS; back++) {
            Double value = values.get(quarter.minus(back));
            if (value == null || value <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per technology and quarter from its first publication to lastQuarter: the newest edition published by then
     * (aged from its publication quarter, left out beyond {@link Components#MAX_AGE_QUARTERS}), its growth over the
     * edition a year before, and N = 100 · level / the category's highest level that quarter.
     */
    static List<SignalComponent> yearlyComponents(List<Observation> yearly, Quarter lastQuarter) {
        Map<Components.SeriesKey, NavigableMap<Integer, Observation>> editions = new TreeMap<>();
        for (Observation observation : yearly) {
            if (observation.publishedIn().isAfter(lastQuarter)) {
                continue;
            }
            Components.SeriesKey key = new Components.SeriesKey(observation.signal(), observation.technology());
            if (editions.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(observation.periodStart().getYear(), observation) != null) {
                throw new IllegalArgumentException("two values for " + observation.signal() + "/"
                        + observation.technology() + " in " + observation.periodStart().getYear());
            }
        }
        List<SignalComponent> unnormalised = new ArrayList<>();
        Map<String, Map<Quarter, Double>> highest = new HashMap<>();
        editions.forEach((key, byYear) -> {
            List<Observation> inOrder = new ArrayList<>(byYear.values());
            for (int index = 0; index < inOrder.size(); index++) {
                Observation edition = inOrder.get(index);
                Quarter from = edition.publishedIn();
                Quarter until = index + 1 < inOrder.size() ? inOrder.get(index + 1).publishedIn().minus(1)
                        : lastQuarter;
                Quarter oldest = from.plus(Components.MAX_AGE_QUARTERS);
                if (oldest.isBefore(until)) {
                    until = oldest;
                }
                Observation previous = byYear.get(edition.periodStart().getYear() - 1);
                Double growth = previous == null || edition.startsNewSeries() ? null
                        : growth(edition.value(), previous.value());
                for (Quarter quarter = from; !quarter.isAfter(until); quarter = quarter.plus(1)) {
                    unnormalised.add(new SignalComponent(key.signal(), key.technology(), quarter, from,
                            edition.value(), 0.0, growth, null, null, LevelBasis.PUBLISHED));
                    highest.computeIfAbsent(key.signal(), s -> new HashMap<>())
                            .merge(quarter, edition.value(), Math::max);
                }
            }
        });
        List<SignalComponent> components = new ArrayList<>(unnormalised.size());
        for (SignalComponent component : unnormalised) {
            double max = highest.get(component.signal()).get(component.quarter());
            components.add(new SignalComponent(component.signal(), component.technology(), component.quarter(),
                    component.dataQuarter(), component.level(), max > 0 ? 100 * (component.level() / max) : 0.0,
                    component.growth(), null, null, LevelBasis.PUBLISHED));
        }
        return components;
    }

    private static Double growth(double now, double before) {
        if (now <= 0 || before <= 0) {
            return null;
        }
        return clamp(Math.log(now / before));
    }

    /** Adds anchored levels to the components of the signals other than usage; see the class comment. */
    static List<SignalComponent> anchor(List<SignalComponent> components, List<SignalComponent> usage) {
        Map<String, Map<Quarter, SignalComponent>> usageByTechnology = new HashMap<>();
        for (SignalComponent component : usage) {
            if (component.signal().equals(USAGE_SIGNAL)) {
                usageByTechnology.computeIfAbsent(component.technology(), t -> new HashMap<>())
                        .put(component.quarter(), component);
            }
        }
        if (usageByTechnology.isEmpty()) {
            return new ArrayList<>(components);
        }
        Map<Components.SeriesKey, Map<Quarter, SignalComponent>> bySeries = new HashMap<>();
        for (SignalComponent component : components) {
            bySeries.computeIfAbsent(new Components.SeriesKey(component.signal(), component.technology()),
                    k -> new HashMap<>()).put(component.quarter(), component);
        }
        // Per signal and quarter: each technology's anchored level when it has a calibration, and the exchange
        // rates U / L_calibration from which the others get the median.
        record Key(String signal, Quarter quarter) {
        }
        Map<Key, List<Double>> rates = new HashMap<>();
        Map<SignalComponent, Double> anchoredLevel = new HashMap<>();
        for (SignalComponent component : components) {
            if (component.signal().equals(USAGE_SIGNAL) || !component.hasLevel()) {
                continue;
            }
            SignalComponent ofUsage = usageByTechnology.getOrDefault(component.technology(), Map.of())
                    .get(component.quarter());
            if (ofUsage == null || ofUsage.level() <= 0) {
                continue;
            }
            Double calibration = calibrationLevel(bySeries.get(new Components.SeriesKey(component.signal(),
                    component.technology())), ofUsage.dataQuarter().minus(1), component.dataQuarter());
            if (calibration == null) {
                continue;
            }
            double change = component.level() > 0 ? clamp(Math.log(component.level() / calibration)) : -GROWTH_CLAMP;
            anchoredLevel.put(component, ofUsage.level() * Math.exp(change));
            rates.computeIfAbsent(new Key(component.signal(), component.quarter()), k -> new ArrayList<>())
                    .add(ofUsage.level() / calibration);
        }
        for (SignalComponent component : components) {
            if (component.signal().equals(USAGE_SIGNAL) || !component.hasLevel()
                    || anchoredLevel.containsKey(component)) {
                continue;
            }
            List<Double> ofQuarter = rates.get(new Key(component.signal(), component.quarter()));
            if (ofQuarter != null) {
                anchoredLevel.put(component, median(ofQuarter) * component.level());
            }
        }
        Map<Key, Double> highest = new HashMap<>();
        anchoredLevel.forEach((component, level) ->
                highest.merge(new Key(component.signal(), component.quarter()), level, Math::max));
        List<SignalComponent> result = new ArrayList<>(components.size());
        for (SignalComponent component : components) {
            Double level = anchoredLevel.get(component);
            if (level == null) {
                result.add(component);
                continue;
            }
            double max = highest.get(new Key(component.signal(), component.quarter()));
            result.add(component.withAnchor(level, max > 0 ? 100 * (level / max) : 0.0));
        }
        return result;
    }

    private static final double GROWTH_CLAMP = Components.GROWTH_CLAMP;

    /**
     * The series' own level at the calibration quarter: the quarter before the usage edition was published, or the
     * series' data quarter if that is older; moved forward, up to the data quarter, past quarters with no level or a
     * level of 0. {@code null} when none.
     */
    private static Double calibrationLevel(Map<Quarter, SignalComponent> series, Quarter beforePublication,
                                           Quarter dataQuarter) {
        Quarter quarter = beforePublication.isBefore(dataQuarter) ? beforePublication : dataQuarter;
        for (; !quarter.isAfter(dataQuarter); quarter = quarter.plus(1)) {
            SignalComponent atQuarter = series.get(quarter);
            if (atQuarter != null && atQuarter.hasLevel() && atQuarter.level() > 0) {
                return atQuarter.level();
            }
        }
        return null;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double clamp(double logChange) {
        return Math.max(-GROWTH_CLAMP, Math.min(GROWTH_CLAMP, logChange));
    }
}
