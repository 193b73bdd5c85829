package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Method v3: the yearly rule, the category basis and anchoring, each checked against figures computed by hand. */
class MethodV3Test {

    private static final double EPS = 1e-12;
    private static final String USAGE = "developer_usage";
    private static final String TOPIC = "github_topic_developers";
    private static final MethodV3 V3 = MethodV3.INSTANCE;

    /** A survey edition of the given year, published 6 months into it (July: the third quarter). */
    private static Observation edition(String technology, int year, double percent) {
        return new Observation(USAGE, technology, LocalDate.of(year, 1, 1), Granularity.YEAR, percent, 6, false);
    }

    private static Observation quarterly(String signal, String technology, Quarter quarter, double value) {
        return new Observation(signal, technology, quarter.start(), Granularity.QUARTER, value);
    }

    private static Optional<SignalComponent> component(List<SignalComponent> components, String signal,
                                                       String technology, String quarter) {
        return components.stream().filter(c -> c.signal().equals(signal) && c.technology().equals(technology)
                && c.quarter().equals(Quarter.parse(quarter))).findFirst();
    }

    // Quarkus and Express in the 2023 and 2024 editions (all respondents), as bundled.
    private static final List<Observation> FRAMEWORK_USAGE = List.of(
            edition("quarkus", 2023, 1.13), edition("quarkus", 2024, 1.28),
            edition("express", 2023, 19.28), edition("express", 2024, 17.76));
    private static final Set<String> FRAMEWORKS = Set.of("quarkus", "express");

    @Test
    void anEditionCountsFromTheQuarterItWasPublishedInNeverBefore() {
        List<SignalComponent> components = V3.components(FRAMEWORKS, FRAMEWORK_USAGE, Quarter.parse("2027-Q1"));
        // 2023 edition: published 2023-Q3; nothing before, however late the ranking is computed
        assertTrue(component(components, USAGE, "quarkus", "2023-Q2").isEmpty());
        SignalComponent first = component(components, USAGE, "quarkus", "2023-Q3").orElseThrow();
        assertEquals(1.13, first.level(), EPS);
        assertEquals(Quarter.parse("2023-Q3"), first.dataQuarter());
        assertNull(first.growth(), "no 2022 edition, so no growth");
        assertEquals(LevelBasis.PUBLISHED, first.basis());
        // 2024-Q2: still the 2023 edition, three quarters old
        SignalComponent stale = component(components, USAGE, "quarkus", "2024-Q2").orElseThrow();
        assertEquals(1.13, stale.level(), EPS);
        assertEquals(3, stale.ageInQuarters());
        // 2024-Q3: the 2024 edition, growth ln(1.28 / 1.13), N against Express's 17.76
        SignalComponent current = component(components, USAGE, "quarkus", "2024-Q3").orElseThrow();
        assertEquals(1.28, current.level(), EPS);
        assertEquals(Math.log(1.28 / 1.13), current.growth(), EPS);
        assertEquals(100 * 1.28 / 17.76, current.normalisedLevel(), EPS);
        assertEquals(100.0, component(components, USAGE, "express", "2024-Q3").orElseThrow().normalisedLevel(), EPS);
        // carried forward at most 8 quarters: 2026-Q3 is the last
        assertEquals(8, component(components, USAGE, "quarkus", "2026-Q3").orElseThrow().ageInQuarters());
        assertTrue(component(components, USAGE, "quarkus", "2026-Q4").isEmpty());
    }

    @Test
    void noLookAheadAnEditionPublishedAfterLastQuarterIsIgnored() {
        List<SignalComponent> asOf2024Q2 = V3.components(FRAMEWORKS, FRAMEWORK_USAGE, Quarter.parse("2024-Q2"));
        assertTrue(asOf2024Q2.stream().allMatch(c -> c.level() == 1.13 || c.level() == 19.28),
                "only 2023 values by 2024-Q2: " + asOf2024Q2);
        assertEquals(component(V3.components(FRAMEWORKS, FRAMEWORK_USAGE, Quarter.parse("2026-Q1")), USAGE, "quarkus",
                "2024-Q2"), component(asOf2024Q2, USAGE, "quarkus", "2024-Q2"), "a past quarter is reproducible");
    }

    @Test
    void goldenQuarkusAsOf2025Q3WithTheUsagePreset() {
        Quarter asOf = Quarter.parse("2025-Q3");
        List<SignalComponent> components = V3.components(FRAMEWORKS, FRAMEWORK_USAGE, asOf);
        Weights usage = V3.preset("usage").weights();
        Score quarkus = V3.scores(FRAMEWORKS, asOf, components, usage, 0.5).stream()
                .filter(s -> s.technology().equals("quarkus")).findFirst().orElseThrow();
        // By hand: N = 100 · 1.28 / 17.76 = 7.2072; G = ln(1.28 / 1.13) = 0.124642, +13.27 %/yr;
        // T = 0.5 · 7.2072 + 0.5 · (50 + 50 · 0.124642 / ln 2) = 33.0991; published 2024-Q3, so 4 quarters old:
        // weight used 1 · 0.5^(4/4) = 0.5, coverage 0.5, but on one signal alone: confidence low.
        assertEquals(7.207207207207207, quarkus.popularity(), 1e-12);
        assertEquals(0.12464244520727678, quarkus.momentum(), 1e-12);
        assertEquals(13.274336283185864, quarkus.momentumPct(), 1e-9);
        assertEquals(33.09912954322392, quarkus.trendScore(), 1e-9);
        assertEquals(0.5, quarkus.coverage(), EPS);
        assertEquals(Confidence.LOW, quarkus.confidence());
        assertEquals(Stage.ASSESS, quarkus.stage());
        Score.SignalContribution signal = quarkus.signals().get(0);
        assertEquals(4, signal.ageInQuarters());
        assertEquals("published", signal.levelBasis());
        assertEquals(quarkus.trendScore(), 0.5 * 50 + signal.trendContribution(), 1e-9);
    }

    @Test
    void noGrowthAcrossASeriesBreakOrAMissingEdition() {
        List<Observation> observations = List.of(
                edition("spring-boot", 2022, 16.4),
                new Observation(USAGE, "spring-boot", LocalDate.of(2023, 1, 1), Granularity.YEAR, 12.9, 6, true),
                edition("spring-boot", 2024, 12.6),
                edition("flask", 2021, 15.6), edition("flask", 2023, 16.1));
        List<SignalComponent> components = V3.components(Set.of("spring-boot", "flask"), observations,
                Quarter.parse("2025-Q2"));
        assertNull(component(components, USAGE, "spring-boot", "2023-Q3").orElseThrow().growth(), "break in 2023");
        assertEquals(Math.log(12.6 / 12.9), component(components, USAGE, "spring-boot", "2024-Q3").orElseThrow()
                .growth(), EPS);
        assertNull(component(components, USAGE, "flask", "2023-Q3").orElseThrow().growth(), "no 2022 edition");
    }

    @Test
    void defaultAsOfCountsAnEditionFreshForThreeQuartersAfterPublication() {
        List<Observation> observations = new ArrayList<>(FRAMEWORK_USAGE);
        for (Quarter q = Quarter.parse("2022-Q1"); !q.isAfter(Quarter.parse("2026-Q1")); q = q.plus(1)) {
            observations.add(quarterly(TOPIC, "express", q, 0.01)); // 0.15 of the weight: never enough alone
        }
        // usage (0.5) reaches 2024-Q3 + 3 = 2025-Q2, topics 2026-Q1
        assertEquals(Optional.of(Quarter.parse("2025-Q2")), V3.defaultAsOf(observations));
    }

    /**
     * What a booming outsider does to a source's universe: every share of the category's technologies shrinks by a
     * factor that falls over time. The category basis cancels it: momentum is unchanged, technology by technology.
     */
    @Test
    void aShrinkingUniverseFactorLeavesMomentumUnchanged() {
        Random random = new Random(20261125L);
        for (int run = 0; run < 50; run++) {
            Set<String> technologies = new TreeSet<>();
            int count = 2 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                technologies.add("t" + i);
            }
            List<Observation> plain = new ArrayList<>();
            List<Observation> inflated = new ArrayList<>();
            Quarter first = Quarter.parse("2018-Q1");
            Quarter last = Quarter.parse("2024-Q4");
            double shrink = 0.7 + 0.29 * random.nextDouble(); // per quarter
            for (String technology : technologies) {
                int start = random.nextInt(6); // some start late
                double share = 0.001 + 0.05 * random.nextDouble();
                double factor = 1;
                for (Quarter q = first; !q.isAfter(last); q = q.plus(1), factor *= shrink) {
                    share *= Math.exp(0.2 * random.nextGaussian());
                    if (first.quartersUntil(q) < start || random.nextDouble() < 0.05) {
                        continue; // a late start or a gap
                    }
                    plain.add(quarterly(TOPIC, technology, q, share));
                    inflated.add(quarterly(TOPIC, technology, q, share * factor));
                }
            }
            List<SignalComponent> before = V3.components(technologies, plain, last);
            List<SignalComponent> after = V3.components(technologies, inflated, last);
            assertEquals(before.size(), after.size());
            for (Quarter q = first.plus(8); !q.isAfter(last); q = q.plus(1)) {
                List<Score> scoresBefore = V3.scores(technologies, q, before, V3.preset("developers").weights(), 0.5);
                List<Score> scoresAfter = V3.scores(technologies, q, after, V3.preset("developers").weights(), 0.5);
                for (int i = 0; i < scoresBefore.size(); i++) {
                    Double momentum = scoresBefore.get(i).momentum();
                    if (momentum == null) {
                        assertNull(scoresAfter.get(i).momentum());
                    } else {
                        assertEquals(momentum, scoresAfter.get(i).momentum(), 1e-9, "run " + run + " " + q);
                        assertEquals(scoresBefore.get(i).popularity(), scoresAfter.get(i).popularity(), 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void anotherSignalIsAnchoredToUsageAtTheQuarterBeforePublication() {
        List<Observation> observations = new ArrayList<>(FRAMEWORK_USAGE);
        // Topic values over 2022-Q1..2025-Q2: Express flat at 0.02; Quarkus 0.001 until 2024-Q2, then 0.002; Flask
        // (no survey data) flat at 0.004.
        for (Quarter q = Quarter.parse("2022-Q1"); !q.isAfter(Quarter.parse("2025-Q2")); q = q.plus(1)) {
            observations.add(quarterly(TOPIC, "express", q, 0.02));
            observations.add(quarterly(TOPIC, "quarkus", q, q.isAfter(Quarter.parse("2024-Q2")) ? 0.002 : 0.001));
            observations.add(quarterly(TOPIC, "flask", q, 0.004));
        }
        Set<String> technologies = Set.of("express", "quarkus", "flask");
        Quarter asOf = Quarter.parse("2025-Q2");
        List<SignalComponent> components = V3.components(technologies, observations, asOf);
        SignalComponent express = component(components, TOPIC, "express", "2025-Q2").orElseThrow();
        SignalComponent quarkus = component(components, TOPIC, "quarkus", "2025-Q2").orElseThrow();
        SignalComponent flask = component(components, TOPIC, "flask", "2025-Q2").orElseThrow();
        assertEquals(LevelBasis.CATEGORY, express.basis());
        // Category basis: shares of 0.02 + 0.001|0.002 + 0.004; each calibrated at 2024-Q2 (the 2024 edition was
        // published in 2024-Q3). Express's level changed by the same factor as the category total.
        double calibrationTotal = 0.025;
        double total = 0.026;
        double expressCalibration = 0.02 / calibrationTotal;
        double expressLevel = 0.02 / total;
        assertEquals(expressLevel, express.level(), EPS);
        assertEquals(17.76 * expressLevel / expressCalibration, express.anchoredLevel(), EPS);
        // Quarkus: the trailing year at 2024-Q2 is all 0.001; at 2025-Q2 all 0.002
        double quarkusCalibration = 0.001 / calibrationTotal;
        double quarkusLevel = 0.002 / total;
        assertEquals(1.28 * quarkusLevel / quarkusCalibration, quarkus.anchoredLevel(), EPS);
        // Flask has no usage: the median of the two exchange rates U / L_c
        double median = (17.76 / expressCalibration + 1.28 / quarkusCalibration) / 2;
        assertEquals(median * 0.004 / total, flask.anchoredLevel(), EPS);
        double highest = Math.max(express.anchoredLevel(), Math.max(quarkus.anchoredLevel(), flask.anchoredLevel()));
        assertEquals(100 * quarkus.anchoredLevel() / highest, quarkus.anchoredNormalisedLevel(), EPS);

        // Weighted usage scores on anchored levels; a lens without usage on the signal's own
        Score balanced = V3.score("quarkus", asOf, List.of(quarkus), V3.defaultPreset().weights(), 0.5);
        assertEquals(quarkus.anchoredNormalisedLevel(), balanced.popularity(), EPS);
        assertEquals(quarkus.anchoredLevel(), balanced.signals().get(0).anchoredLevel());
        Score developers = V3.score("quarkus", asOf, List.of(quarkus), V3.preset("developers").weights(), 0.5);
        assertEquals(quarkus.normalisedLevel(), developers.popularity(), EPS);
        assertNull(developers.signals().get(0).anchoredLevel());
        assertEquals("category", developers.signals().get(0).levelBasis());
    }

    @Test
    void aSignalWithOneTechnologyHasNoLevelUntilASecondArrives() {
        List<Observation> observations = new ArrayList<>();
        for (Quarter q = Quarter.parse("2022-Q1"); !q.isAfter(Quarter.parse("2024-Q4")); q = q.plus(1)) {
            observations.add(quarterly(TOPIC, "first", q, 0.01));
            if (!q.isBefore(Quarter.parse("2023-Q1"))) {
                observations.add(quarterly(TOPIC, "second", q, 0.03));
            }
        }
        List<SignalComponent> components = V3.components(Set.of("first", "second"), observations,
                Quarter.parse("2024-Q4"));
        // alone before 2023: nothing; the same answer however late it is computed
        assertTrue(component(components, TOPIC, "first", "2022-Q4").isEmpty());
        assertEquals(component(components, TOPIC, "first", "2023-Q3"), component(V3.components(Set.of("first",
                "second"), observations, Quarter.parse("2023-Q3")), TOPIC, "first", "2023-Q3"));
        SignalComponent last = component(components, TOPIC, "first", "2024-Q4").orElseThrow();
        assertEquals(LevelBasis.CATEGORY, last.basis());
        assertEquals(0.25, last.level(), EPS);
        assertEquals(0.0, last.growth(), EPS);
    }

    /** A newcomer joining the established set after 8 quarters moves no incumbent's growth. */
    @Test
    void aChangeOfTheEstablishedSetMovesNoGrowth() {
        List<Observation> observations = new ArrayList<>();
        for (Quarter q = Quarter.parse("2020-Q1"); !q.isAfter(Quarter.parse("2024-Q4")); q = q.plus(1)) {
            observations.add(quarterly(TOPIC, "a", q, 0.01));
            observations.add(quarterly(TOPIC, "b", q, 0.02));
            if (!q.isBefore(Quarter.parse("2021-Q1"))) {
                observations.add(quarterly(TOPIC, "newcomer", q, 0.09)); // established from 2022-Q4
            }
        }
        List<SignalComponent> components = V3.components(Set.of("a", "b", "newcomer"), observations,
                Quarter.parse("2024-Q4"));
        for (Quarter q = Quarter.parse("2021-Q1"); !q.isAfter(Quarter.parse("2024-Q4")); q = q.plus(1)) {
            SignalComponent a = component(components, TOPIC, "a", q.toString()).orElseThrow();
            if (a.growth() != null) {
                assertEquals(0.0, a.growth(), EPS, "flat values, flat growth in " + q);
            }
        }
    }

    @Test
    void refusesTwoValuesForOneEditionAndOutsiders() {
        assertThrows(IllegalArgumentException.class, () -> V3.components(Set.of("quarkus"),
                List.of(edition("quarkus", 2024, 1.0), edition("quarkus", 2024, 1.1)), Quarter.parse("2025-Q1")));
        assertThrows(IllegalArgumentException.class, () -> V3.components(Set.of("quarkus"),
                List.of(edition("express", 2024, 1.0)), Quarter.parse("2025-Q1")));
    }

    @Test
    void presetsLeadWithUsageAndPublishTheBasisChoice() {
        assertEquals(List.of("balanced", "usage", "developers", "learners", "jobs"),
                V3.presets().stream().map(Preset::name).toList());
        assertEquals(0.5, V3.defaultPreset().weights().weightOf(USAGE), EPS);
        assertEquals(1.0, V3.defaultPreset().weights().total(), 1e-9);
        Map<String, Object> parameters = V3.description().parameters();
        assertEquals(Set.of("universe", "category", "published"), ((Map<?, ?>) parameters.get("levelBases")).keySet());
        assertNotNull(parameters.get("establishedQuarters"));
        assertEquals("v3", ScoringMethods.defaultMethod().version());
    }

    @Test
    void spearmanAveragesTiedRanks() {
        assertEquals(1.0, Spearman.rho(List.of(new double[] {1, 10}, new double[] {2, 20}, new double[] {3, 30})), EPS);
        assertEquals(-1.0, Spearman.rho(List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1})), EPS);
        // x ranks 1, 2.5, 2.5, 4; y ranks 1, 2, 3, 4: ρ = Pearson of the ranks = 0.9486833
        assertEquals(0.9486832980505138, Spearman.rho(List.of(new double[] {1, 1}, new double[] {2, 2},
                new double[] {2, 3}, new double[] {5, 4})), 1e-12);
        assertNull(Spearman.rho(List.of(new double[] {1, 1}, new double[] {2, 2})));
        assertNull(Spearman.rho(List.of(new double[] {1, 1}, new double[] {1, 2}, new double[] {1, 3})));
    }
}
