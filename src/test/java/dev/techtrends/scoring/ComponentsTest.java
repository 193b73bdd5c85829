package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    /** Components up to the newest quarter with complete data in the input, as the method computes them. */
    private static List<SignalComponent> components(Set<String> category, List<Observation> observations) {
        return Components.newestCompleteQuarter(observations)
                .map(newest -> Components.compute(category, observations, newest))
                .orElseGet(List::of);
    }


    private static final double EPS = 1e-12;
    private static final String TOPIC = "github_topic_developers";
    private static final String SEARCH = "search_interest";

    // --- quarterly alignment -------------------------------------------------------------------------------------

    @Test
    void monthlyValuesBecomeTheMeanOfTheQuarter() {
        List<Observation> observations = List.of(
                monthly(SEARCH, "go", "2024-01-01", 0.09),
                monthly(SEARCH, "go", "2024-02-01", 0.10),
                monthly(SEARCH, "go", "2024-03-01", 0.14),
                quarterly(TOPIC, "go", "2024-Q1", 0.2));
        Map<Components.SeriesKey, NavigableMap<Quarter, Double>> aligned = Components.alignToQuarters(observations);
        assertEquals(0.11, aligned.get(new Components.SeriesKey(SEARCH, "go")).get(Quarter.parse("2024-Q1")), EPS);
        assertEquals(0.2, aligned.get(new Components.SeriesKey(TOPIC, "go")).get(Quarter.parse("2024-Q1")), EPS);
    }

    @Test
    void aQuarterWithAMissingMonthIsMissingNotZero() {
        List<Observation> observations = new ArrayList<>(monthsOfQuarter(SEARCH, "go", "2024-Q1", 0.1));
        observations.add(monthly(SEARCH, "go", "2024-04-01", 0.2));
        observations.add(monthly(SEARCH, "go", "2024-06-01", 0.2)); // May missing
        NavigableMap<Quarter, Double> series = Components.alignToQuarters(observations)
                .get(new Components.SeriesKey(SEARCH, "go"));
        assertEquals(Set.of(Quarter.parse("2024-Q1")), series.keySet());
    }

    @Test
    void refusesTwoValuesForOnePeriod() {
        assertThrows(IllegalArgumentException.class, () -> Components.alignToQuarters(List.of(
                monthly(SEARCH, "go", "2024-01-01", 0.1), monthly(SEARCH, "go", "2024-01-01", 0.2))));
        assertThrows(IllegalArgumentException.class, () -> Components.alignToQuarters(List.of(
                quarterly(TOPIC, "go", "2024-Q1", 0.1), quarterly(TOPIC, "go", "2024-Q1", 0.1))));
        List<Observation> both = new ArrayList<>(monthsOfQuarter(TOPIC, "go", "2024-Q1", 0.1));
        both.add(quarterly(TOPIC, "go", "2024-Q1", 0.1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Components.alignToQuarters(both));
        assertTrue(error.getMessage().contains("both a quarterly value and monthly values for 2024-Q1"));
    }

    @Test
    void observationsMustStartTheirPeriodAndBeShares() {
        assertThrows(IllegalArgumentException.class,
                () -> new Observation(SEARCH, "go", LocalDate.parse("2024-01-15"), Granularity.MONTH, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new Observation(TOPIC, "go", LocalDate.parse("2024-02-01"), Granularity.QUARTER, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new Observation(TOPIC, "go", LocalDate.parse("2024-01-01"), Granularity.QUARTER, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new Observation(TOPIC, "go", LocalDate.parse("2024-01-01"), Granularity.QUARTER, Double.NaN));
        assertEquals(Quarter.parse("2024-Q2"), monthly(SEARCH, "go", "2024-05-01", 0.1).quarter());
    }

    @Test
    void defaultAsOfIsTheNewestCompleteQuarterOfAnySignal() {
        List<Observation> observations = new ArrayList<>(monthsOfQuarter(SEARCH, "go", "2026-Q2", 0.1));
        observations.add(monthly(SEARCH, "go", "2026-07-01", 0.1)); // 2026-Q3 is not complete
        observations.add(quarterly(TOPIC, "go", "2025-Q3", 0.1));
        assertEquals(Optional.of(Quarter.parse("2026-Q2")), MethodV1.INSTANCE.defaultAsOf(observations));
        observations.add(quarterly(TOPIC, "java", "2026-Q3", 0.1));
        assertEquals(Optional.of(Quarter.parse("2026-Q3")), MethodV1.INSTANCE.defaultAsOf(observations));
        assertEquals(Optional.empty(), MethodV1.INSTANCE.defaultAsOf(List.of()));
        assertEquals(List.of(), components(Set.of("go"), List.of()));
    }

    // --- levels and growth ---------------------------------------------------------------------------------------

    /**
     * NestJS-like: topic data from 2021-Q3 on. The level needs 3 of the 4 trailing quarters, so the first level is
     * 2022-Q1 (2021-Q3, Q4, 2022-Q1); growth needs a level 4 quarters earlier, so the first growth is 2023-Q1.
     */
    @Test
    void aSignalStartingMidHistory() {
        List<Observation> observations = new ArrayList<>();
        observations.addAll(quarters(TOPIC, "express", "2020-Q1", "2023-Q4", 0.20));
        double nestShare = 0.01;
        for (Quarter quarter = Quarter.parse("2021-Q3"); !quarter.isAfter(Quarter.parse("2023-Q4"));
             quarter = quarter.plus(1)) {
            observations.add(quarterly(TOPIC, "nestjs", quarter.toString(), nestShare));
            nestShare += 0.005; // 0.01 in 2021-Q3, 0.015 in 2021-Q4, 0.02 in 2022-Q1, ... 0.055 in 2023-Q4
        }
        List<SignalComponent> components = components(Set.of("express", "nestjs"), observations);

        assertFalse(find(components, "nestjs", TOPIC, "2021-Q2").isPresent(), "nothing before its first data");
        SignalComponent firstQuarter = get(components, "nestjs", TOPIC, "2021-Q3");
        assertNull(firstQuarter.level());
        assertEquals(Quarter.parse("2021-Q3"), firstQuarter.dataQuarter());
        assertNull(get(components, "nestjs", TOPIC, "2021-Q4").level());
        // 2022-Q1: (0.01 + 0.015 + 0.02) / 3 = 0.015
        SignalComponent firstLevel = get(components, "nestjs", TOPIC, "2022-Q1");
        assertEquals(0.015, firstLevel.level(), EPS);
        assertEquals(7.5, firstLevel.normalisedLevel(), 1e-9); // 100 · 0.015 / 0.20 (express)
        assertNull(firstLevel.growth());
        // 2022-Q4: L = mean(0.02, 0.025, 0.03, 0.035) = 0.0275, but it needs a level in 2021-Q4, which has only
        // 2 quarters of data: no growth yet
        assertEquals(0.0275, get(components, "nestjs", TOPIC, "2022-Q4").level(), EPS);
        assertNull(get(components, "nestjs", TOPIC, "2022-Q4").growth());
        // 2023-Q1: L = mean(0.025, 0.03, 0.035, 0.04) = 0.0325, a year before 0.015: G = ln(0.0325/0.015) = 0.77319
        assertEquals(Math.log(0.0325 / 0.015), get(components, "nestjs", TOPIC, "2023-Q1").growth(), EPS);
        // express is flat: G = ln 1 = 0 once it has a year-ago level (2020-Q3 + 4 = 2021-Q3)
        assertEquals(0.0, get(components, "express", TOPIC, "2021-Q3").growth(), EPS);
        assertNull(get(components, "express", TOPIC, "2021-Q2").growth());
    }

    @Test
    void aMissingQuarterStillAllowsALevelFromThreeOfFour() {
        // monthly search 2020-Q1..2021-Q4, shares 0.10, 0.11, ..., 0.17; 2020-Q3 has no August, so it is missing
        List<Observation> observations = new ArrayList<>();
        Quarter first = Quarter.parse("2020-Q1");
        for (Quarter quarter = first; !quarter.isAfter(Quarter.parse("2021-Q4")); quarter = quarter.plus(1)) {
            double share = 0.01 * (10 + first.quartersUntil(quarter));
            for (Observation month : monthsOfQuarter(SEARCH, "go", quarter.toString(), share)) {
                if (!month.periodStart().equals(LocalDate.parse("2020-08-01"))) {
                    observations.add(month);
                }
            }
        }
        List<SignalComponent> components = components(Set.of("go"), observations);
        // 2020-Q3: no data, so it is stale: carries 2020-Q2, which had no level yet (2 quarters)
        SignalComponent missing = get(components, "go", SEARCH, "2020-Q3");
        assertEquals(Quarter.parse("2020-Q2"), missing.dataQuarter());
        assertEquals(1, missing.ageInQuarters());
        assertNull(missing.level());
        // 2020-Q4: quarters 1, 2 and 4 of 2020 → (0.10 + 0.11 + 0.13) / 3 = 0.113333
        assertEquals(0.34 / 3, get(components, "go", SEARCH, "2020-Q4").level(), EPS);
        // 2021-Q2: 2020-Q3 missing; 2020-Q4, 2021-Q1, Q2 → (0.13 + 0.14 + 0.15) / 3 = 0.14
        assertEquals(0.14, get(components, "go", SEARCH, "2021-Q2").level(), EPS);
        // 2021-Q3 has a full year again: (0.13 + 0.14 + 0.15 + 0.16) / 4 = 0.145
        assertEquals(0.145, get(components, "go", SEARCH, "2021-Q3").level(), EPS);
        // 2021-Q4: (0.14 + 0.15 + 0.16 + 0.17) / 4 = 0.155, growth against 2020-Q4's 3-of-4 level:
        // ln(0.155 / 0.113333) = ln 1.367647 = 0.313
        assertEquals(Math.log(0.155 / (0.34 / 3)), get(components, "go", SEARCH, "2021-Q4").growth(), EPS);
        // 2021-Q3 growth would need a level for 2020-Q3, whose window (2019-Q4..2020-Q3) holds only 2 quarters: none
        assertNull(get(components, "go", SEARCH, "2021-Q3").growth());
    }

    @Test
    void twoMissingQuartersInAWindowMeanNoLevel() {
        List<Observation> observations = new ArrayList<>(quarters(TOPIC, "go", "2020-Q1", "2020-Q2", 0.1));
        observations.addAll(quarters(TOPIC, "go", "2021-Q1", "2021-Q4", 0.1));
        List<SignalComponent> components = components(Set.of("go"), observations);
        // 2021-Q1 window 2020-Q2..2021-Q1 has 2020-Q2 and 2021-Q1 only
        assertNull(get(components, "go", TOPIC, "2021-Q1").level());
        assertNull(get(components, "go", TOPIC, "2021-Q2").level()); // 2020-Q3, Q4 missing
        assertEquals(0.1, get(components, "go", TOPIC, "2021-Q3").level(), EPS);
    }

    @Test
    void growthIsClampedToPlusMinusOne() {
        List<Observation> observations = new ArrayList<>();
        observations.addAll(quarters(TOPIC, "rising", "2020-Q1", "2020-Q4", 0.01));
        observations.addAll(quarters(TOPIC, "rising", "2021-Q1", "2021-Q4", 0.05)); // ln 5 = 1.609
        observations.addAll(quarters(TOPIC, "falling", "2020-Q1", "2020-Q4", 0.05));
        observations.addAll(quarters(TOPIC, "falling", "2021-Q1", "2021-Q4", 0.01)); // ln 0.2 = -1.609
        List<SignalComponent> components = components(Set.of("rising", "falling"), observations);
        assertEquals(1.0, get(components, "rising", TOPIC, "2021-Q4").growth());
        assertEquals(-1.0, get(components, "falling", TOPIC, "2021-Q4").growth());
    }

    // --- staleness -----------------------------------------------------------------------------------------------

    @Test
    void staleDataIsCarriedForwardThenDroppedAfterEightQuarters() {
        List<Observation> observations = new ArrayList<>();
        // go's topic data ends 2021-Q4; search (another signal) goes on to 2024-Q4 and sets the last quarter
        observations.addAll(quarters(TOPIC, "go", "2020-Q1", "2020-Q4", 0.10));
        observations.addAll(quarters(TOPIC, "go", "2021-Q1", "2021-Q4", 0.20));
        observations.addAll(quarters(SEARCH, "go", "2020-Q1", "2024-Q4", 0.05));
        List<SignalComponent> components = components(Set.of("go"), observations);

        SignalComponent current = get(components, "go", TOPIC, "2021-Q4");
        assertEquals(0.20, current.level(), EPS);
        assertEquals(Math.log(2), current.growth(), EPS);
        for (int age = 1; age <= 8; age++) {
            SignalComponent stale = get(components, "go", TOPIC, Quarter.parse("2021-Q4").plus(age).toString());
            assertEquals(Quarter.parse("2021-Q4"), stale.dataQuarter());
            assertEquals(age, stale.ageInQuarters());
            // the level of 2021-Q4 carried, not a level of 3 of 4 trailing quarters that would skip the newest
            assertEquals(0.20, stale.level(), EPS);
            assertEquals(Math.log(2), stale.growth(), EPS);
            assertEquals(100, stale.normalisedLevel(), EPS);
        }
        assertFalse(find(components, "go", TOPIC, "2024-Q1").isPresent(), "age 9: no component");
        assertFalse(find(components, "go", TOPIC, "2024-Q4").isPresent());
        assertTrue(find(components, "go", SEARCH, "2024-Q4").isPresent());
    }

    @Test
    void staleCarriedLevelTakesPartInNormalisation() {
        List<Observation> observations = new ArrayList<>();
        observations.addAll(quarters(TOPIC, "leader", "2020-Q1", "2020-Q4", 0.40)); // ends 2020-Q4
        observations.addAll(quarters(TOPIC, "follower", "2020-Q1", "2021-Q2", 0.10));
        List<SignalComponent> components = components(Set.of("leader", "follower"), observations);
        assertEquals(2, get(components, "leader", TOPIC, "2021-Q2").ageInQuarters());
        assertEquals(25, get(components, "follower", TOPIC, "2021-Q2").normalisedLevel(), 1e-9);
    }

    @Test
    void anExplicitLastQuarterIgnoresLaterData() {
        List<Observation> observations = quarters(TOPIC, "go", "2020-Q1", "2023-Q4", 0.1);
        Quarter last = Quarter.parse("2021-Q2");
        List<SignalComponent> components = Components.compute(Set.of("go"), observations, last);
        assertEquals(last, components.get(components.size() - 1).quarter());
        assertEquals(6, components.size()); // 2020-Q1 .. 2021-Q2
        // a quarter beyond the data makes the data stale, as at a default asOf set by a fresher source
        List<SignalComponent> extended = Components.compute(Set.of("go"), observations, Quarter.parse("2024-Q3"));
        assertEquals(3, get(extended, "go", TOPIC, "2024-Q3").ageInQuarters());
        assertEquals(List.of(), Components.compute(Set.of("go"), observations, Quarter.parse("2019-Q4")));
    }

    // --- normalisation and zero values ---------------------------------------------------------------------------

    @Test
    void aSingleTechnologyCategoryLeadsItself() {
        List<SignalComponent> components = components(Set.of("blockchain"),
                quarters(TOPIC, "blockchain", "2020-Q1", "2021-Q4", 0.003));
        assertEquals(100, get(components, "blockchain", TOPIC, "2021-Q4").normalisedLevel(), EPS);
    }

    @Test
    void zeroValuesGiveLevelZeroAndNoGrowth() {
        List<Observation> observations = new ArrayList<>();
        observations.addAll(quarters(SEARCH, "gone", "2020-Q1", "2021-Q4", 0.0));
        observations.addAll(quarters(SEARCH, "new", "2020-Q1", "2020-Q4", 0.0));
        observations.addAll(quarters(SEARCH, "new", "2021-Q1", "2021-Q4", 0.02));
        observations.addAll(quarters(SEARCH, "steady", "2020-Q1", "2021-Q4", 0.04));
        List<SignalComponent> components = components(Set.of("gone", "new", "steady"), observations);

        SignalComponent gone = get(components, "gone", SEARCH, "2021-Q4");
        assertEquals(0.0, gone.level());
        assertEquals(0.0, gone.normalisedLevel());
        assertNull(gone.growth(), "0 → 0 has no growth");
        SignalComponent fresh = get(components, "new", SEARCH, "2021-Q4");
        assertEquals(50, fresh.normalisedLevel(), EPS);
        assertNull(fresh.growth(), "0 → 0.02 is infinite growth: none");
        // 2021-Q1: window holds 0, 0, 0, 0.02, level 0.005 > 0 but the level a year before is 0: no growth
        assertEquals(0.005, get(components, "new", SEARCH, "2021-Q1").level(), EPS);
        assertNull(get(components, "new", SEARCH, "2021-Q1").growth());
    }

    @Test
    void allLevelsZeroMeansAllNormalisedLevelsZero() {
        List<Observation> observations = new ArrayList<>();
        observations.addAll(quarters(SEARCH, "a", "2020-Q1", "2020-Q4", 0.0));
        observations.addAll(quarters(SEARCH, "b", "2020-Q1", "2020-Q4", 0.0));
        List<SignalComponent> components = components(Set.of("a", "b"), observations);
        assertEquals(0.0, get(components, "a", SEARCH, "2020-Q4").normalisedLevel());
        assertEquals(0.0, get(components, "b", SEARCH, "2020-Q4").normalisedLevel());
    }

    @Test
    void refusesObservationsOfAnotherCategory() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> components(Set.of("go"), quarters(TOPIC, "django", "2020-Q1", "2020-Q4", 0.1)));
        assertTrue(error.getMessage().contains("'django'"));
    }

    @Test
    void componentsAreSortedByTechnologySignalQuarter() {
        List<Observation> observations = new ArrayList<>();
        observations.addAll(quarters(TOPIC, "b", "2020-Q1", "2020-Q4", 0.1));
        observations.addAll(quarters(SEARCH, "b", "2020-Q1", "2020-Q4", 0.1));
        observations.addAll(quarters(TOPIC, "a", "2020-Q1", "2020-Q4", 0.1));
        List<SignalComponent> components = components(Set.of("a", "b"), observations);
        List<String> order = components.stream()
                .map(c -> c.technology() + "/" + c.signal() + "/" + c.quarter()).toList();
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order);
        assertEquals(12, components.size());
    }

    @Test
    void componentRecordRefusesInconsistentValues() {
        Quarter q = Quarter.parse("2024-Q1");
        assertThrows(IllegalArgumentException.class,
                () -> new SignalComponent(TOPIC, "go", q, q.plus(1), 0.1, 100.0, null));
        assertThrows(IllegalArgumentException.class, () -> new SignalComponent(TOPIC, "go", q, q, 0.1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SignalComponent(TOPIC, "go", q, q, null, null, 0.1));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static Observation quarterly(String signal, String technology, String quarter, double value) {
        return new Observation(signal, technology, Quarter.parse(quarter).start(), Granularity.QUARTER, value);
    }

    static Observation monthly(String signal, String technology, String month, double value) {
        return new Observation(signal, technology, LocalDate.parse(month), Granularity.MONTH, value);
    }

    /** One quarterly observation of the same value for each quarter from..to. */
    static List<Observation> quarters(String signal, String technology, String from, String to, double value) {
        List<Observation> observations = new ArrayList<>();
        for (Quarter quarter = Quarter.parse(from); !quarter.isAfter(Quarter.parse(to)); quarter = quarter.plus(1)) {
            observations.add(quarterly(signal, technology, quarter.toString(), value));
        }
        return observations;
    }

    static List<Observation> monthsOfQuarter(String signal, String technology, String quarter, double value) {
        LocalDate start = Quarter.parse(quarter).start();
        return List.of(
                new Observation(signal, technology, start, Granularity.MONTH, value),
                new Observation(signal, technology, start.plusMonths(1), Granularity.MONTH, value),
                new Observation(signal, technology, start.plusMonths(2), Granularity.MONTH, value));
    }

    static Optional<SignalComponent> find(List<SignalComponent> components, String technology, String signal,
                                          String quarter) {
        return components.stream()
                .filter(c -> c.technology().equals(technology) && c.signal().equals(signal)
                        && c.quarter().equals(Quarter.parse(quarter)))
                .findFirst();
    }

    static SignalComponent get(List<SignalComponent> components, String technology, String signal, String quarter) {
        return find(components, technology, signal, quarter)
                .orElseThrow(() -> new AssertionError("no component " + technology + "/" + signal + " " + quarter));
    }
}
