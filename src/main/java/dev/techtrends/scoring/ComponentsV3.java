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
import java.util.TreeSet;

/**
 * Stage 1 of method v3: three changes to v1's components, each answering a way v1 disagreed with reality.
 * <ol>
 *   <li><b>Category basis.</b> A share of a source's whole universe falls for every technology of a category when an
 *   outsider booms (AI repository topics). v3 divides each value by the summed values of the category's
 *   <em>established set</em> in the same quarter: its technologies with a value above 0 in each of the last
 *   {@value #ESTABLISHED_QUARTERS} quarters in which the signal has data. The set is fixed per quarter scored and
 *   used for every quarter its level and growth need, so the universe cancels out and a change of membership moves
 *   nothing. With fewer than {@value #MIN_ESTABLISHED} established technologies there is no level: a share of one
 *   says nothing.</li>
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
    /**
     * A technology is established in a quarter when it has a value above 0 in each of the last this many quarters in
     * which the signal has any value.
     */
    public static final int ESTABLISHED_QUARTERS = 8;
    /** With fewer established technologies than this, a quarter has no category basis and so no levels. */
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
        aligned.values().removeIf(Map::isEmpty);

        List<SignalComponent> components = new ArrayList<>();
        Map<String, Map<String, NavigableMap<Quarter, Double>>> bySignal = new TreeMap<>();
        aligned.forEach((key, series) -> bySignal.computeIfAbsent(key.signal(), s -> new TreeMap<>())
                .put(key.technology(), series));
        bySignal.forEach((signal, series) -> components.addAll(categoryComponents(signal, series, lastQuarter)));
        List<SignalComponent> usage = yearlyComponents(yearly, lastQuarter);
        components.addAll(usage);
        List<SignalComponent> anchored = anchor(components, usage);
        anchored.sort(Comparator.comparing(SignalComponent::technology)
                .thenComparing(SignalComponent::signal)
                .thenComparing(SignalComponent::quarter));
        return anchored;
    }

    /** A technology's level and growth on the category basis of the quarter its data is from. */
    private record Fresh(double level, Double growth) {
    }

    /**
     * The components of one signal: for each quarter q with data, the set that quarter is measured against (its
     * established technologies) is fixed, and every share the level and the growth at q need (quarters q-7..q) is
     * divided by that same set's sum in its own quarter. So the set's membership changing over time moves no growth,
     * and a factor common to the category's values in a quarter cancels. A quarter with fewer than
     * {@link #MIN_ESTABLISHED} established technologies makes no level. Stale data is carried forward with its age,
     * as in v1.
     */
    static List<SignalComponent> categoryComponents(String signal, Map<String, NavigableMap<Quarter, Double>> series,
                                                    Quarter lastQuarter) {
        Map<String, Map<Quarter, Fresh>> fresh = new TreeMap<>();
        Set<Quarter> quarters = new TreeSet<>();
        series.values().forEach(values -> quarters.addAll(values.keySet()));
        for (Quarter quarter : quarters) {
            Set<String> basis = basis(series, quarter);
            if (basis.size() < MIN_ESTABLISHED) {
                continue;
            }
            Map<Quarter, Double> totals = basisTotals(series, basis, quarter);
            for (Map.Entry<String, NavigableMap<Quarter, Double>> technology : series.entrySet()) {
                if (!technology.getValue().containsKey(quarter)) {
                    continue;
                }
                Double level = level(technology.getValue(), totals, quarter);
                if (level == null) {
                    continue;
                }
                Double before = level(technology.getValue(), totals, quarter.minus(Components.GROWTH_LAG_QUARTERS));
                Double growth = before == null || level <= 0 || before <= 0 ? null : clamp(Math.log(level / before));
                fresh.computeIfAbsent(technology.getKey(), t -> new TreeMap<>()).put(quarter, new Fresh(level, growth));
            }
        }
        // carried forward up to MAX_AGE_QUARTERS, then normalised against the category's highest level per quarter
        List<SignalComponent> unnormalised = new ArrayList<>();
        fresh.forEach((technology, byQuarter) -> {
            NavigableMap<Quarter, Fresh> ofTechnology = (NavigableMap<Quarter, Fresh>) byQuarter;
            for (Quarter quarter = ofTechnology.firstKey(); !quarter.isAfter(lastQuarter); quarter = quarter.plus(1)) {
                Map.Entry<Quarter, Fresh> newest = ofTechnology.floorEntry(quarter);
                if (newest.getKey().quartersUntil(quarter) > Components.MAX_AGE_QUARTERS) {
                    continue;
                }
                unnormalised.add(new SignalComponent(signal, technology, quarter, newest.getKey(),
                        newest.getValue().level(), 0.0, newest.getValue().growth(), null, null, LevelBasis.CATEGORY));
            }
        });
        return normalised(unnormalised);
    }

    /**
     * The technologies a quarter is measured against, its established ones: those with a value above 0 in every
     * quarter of the last {@link #ESTABLISHED_QUARTERS} in which the signal has any value (so a signal's first
     * quarters have a set too, and a newcomer joins only once it has been there as long as the window).
     */
    private static Set<String> basis(Map<String, NavigableMap<Quarter, Double>> series, Quarter quarter) {
        Set<Quarter> withData = new TreeSet<>();
        for (int back = 0; back < ESTABLISHED_QUARTERS; back++) {
            Quarter at = quarter.minus(back);
            for (NavigableMap<Quarter, Double> values : series.values()) {
                if (values.containsKey(at)) {
                    withData.add(at);
                    break;
                }
            }
        }
        Set<String> established = new TreeSet<>();
        series.forEach((technology, values) -> {
            boolean everywhere = true;
            for (Quarter at : withData) {
                Double value = values.get(at);
                everywhere &= value != null && value > 0;
            }
            if (everywhere) {
                established.add(technology);
            }
        });
        return established;
    }

    /**
     * The basis' summed values in each quarter a level or a growth at {@code quarter} reads (quarter − 7 to quarter),
     * summed once per scored quarter rather than once per technology: per technology, it made stage 1 grow with the
     * square of a category's size (bench/scale).
     */
    private static Map<Quarter, Double> basisTotals(Map<String, NavigableMap<Quarter, Double>> series,
                                                    Set<String> basis, Quarter quarter) {
        Map<Quarter, Double> totals = new HashMap<>();
        for (int back = 0; back < Components.LEVEL_WINDOW_QUARTERS + Components.GROWTH_LAG_QUARTERS; back++) {
            Quarter at = quarter.minus(back);
            double total = 0;
            for (String member : basis) {
                total += series.get(member).getOrDefault(at, 0.0);
            }
            totals.put(at, total);
        }
        return totals;
    }

    /**
     * The mean, over the trailing year to {@code quarter} (at least {@link Components#LEVEL_MIN_QUARTERS} quarters
     * with data), of the technology's value divided by the basis' summed values in the same quarter.
     */
    private static Double level(NavigableMap<Quarter, Double> values, Map<Quarter, Double> basisTotals,
                                Quarter quarter) {
        double sum = 0;
        int quartersWithData = 0;
        for (int back = 0; back < Components.LEVEL_WINDOW_QUARTERS; back++) {
            Quarter at = quarter.minus(back);
            Double value = values.get(at);
            if (value == null) {
                continue;
            }
            double total = basisTotals.get(at);
            if (total > 0) {
                sum += value / total;
                quartersWithData++;
            }
        }
        return quartersWithData >= Components.LEVEL_MIN_QUARTERS ? sum / quartersWithData : null;
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
                }
            }
        });
        return normalised(unnormalised);
    }

    /** A signal in a quarter: what normalisation and anchoring compare the category's technologies within. */
    private record SignalQuarter(String signal, Quarter quarter) {
        SignalQuarter(SignalComponent component) {
            this(component.signal(), component.quarter());
        }
    }

    /** N = 100 · level / the highest level of the same signal and quarter (0 when that is 0). */
    private static List<SignalComponent> normalised(List<SignalComponent> unnormalised) {
        Map<SignalQuarter, Double> highest = new HashMap<>();
        unnormalised.forEach(component -> highest.merge(new SignalQuarter(component), component.level(), Math::max));
        List<SignalComponent> components = new ArrayList<>(unnormalised.size());
        for (SignalComponent component : unnormalised) {
            double max = highest.get(new SignalQuarter(component));
            components.add(new SignalComponent(component.signal(), component.technology(), component.quarter(),
                    component.dataQuarter(), component.level(), max > 0 ? 100 * (component.level() / max) : 0.0,
                    component.growth(), null, null, component.basis()));
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
        Map<SignalQuarter, List<Double>> rates = new HashMap<>();
        Map<SignalComponent, Double> anchoredLevel = new HashMap<>();
        for (SignalComponent component : components) {
            if (component.signal().equals(USAGE_SIGNAL) || !component.hasLevel()) {
                continue;
            }
            // the edition current when the signal's data is from: a stale signal keeps the calibration it had
            SignalComponent ofUsage = usageByTechnology.getOrDefault(component.technology(), Map.of())
                    .get(component.dataQuarter());
            if (ofUsage == null || ofUsage.level() <= 0) {
                continue;
            }
            Double calibration = calibrationLevel(bySeries.get(new Components.SeriesKey(component.signal(),
                    component.technology())), ofUsage.dataQuarter().minus(1), component.dataQuarter());
            if (calibration == null) {
                continue;
            }
            // a level of 0 stays 0, as it does for technologies anchored by the median rate
            anchoredLevel.put(component, component.level() > 0
                    ? ofUsage.level() * Math.exp(clamp(Math.log(component.level() / calibration))) : 0.0);
            rates.computeIfAbsent(new SignalQuarter(component), k -> new ArrayList<>())
                    .add(ofUsage.level() / calibration);
        }
        for (SignalComponent component : components) {
            if (component.signal().equals(USAGE_SIGNAL) || !component.hasLevel()
                    || anchoredLevel.containsKey(component)) {
                continue;
            }
            List<Double> ofQuarter = rates.get(new SignalQuarter(component));
            if (ofQuarter != null) {
                anchoredLevel.put(component, median(ofQuarter) * component.level());
            }
        }
        Map<SignalQuarter, Double> highest = new HashMap<>();
        anchoredLevel.forEach((component, level) ->
                highest.merge(new SignalQuarter(component), level, Math::max));
        List<SignalComponent> result = new ArrayList<>(components.size());
        for (SignalComponent component : components) {
            Double level = anchoredLevel.get(component);
            if (level == null) {
                result.add(component);
                continue;
            }
            double max = highest.get(new SignalQuarter(component));
            result.add(component.withAnchor(level, max > 0 ? 100 * (level / max) : 0.0));
        }
        return result;
    }

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
        return Math.max(-Components.GROWTH_CLAMP, Math.min(Components.GROWTH_CLAMP, logChange));
    }
}
