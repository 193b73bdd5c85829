package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Method v4: the multi-year slope, its intervals, tiers and rank ranges, each against figures computed by hand, and
 * the properties that a series break creates no momentum and a newcomer moves no other technology's interval.
 */
class MethodV4Test {

    private static final double EPS = 1e-12;
    private static final String USAGE = "developer_usage";
    private static final String TOPIC = "github_topic_developers";
    private static final String SEARCH = "search_interest";
    private static final MethodV4 V4 = MethodV4.INSTANCE;
    private static final Quarter Q = Quarter.parse("2024-Q2");

    private static Observation quarterly(String signal, String technology, Quarter quarter, double value) {
        return new Observation(signal, technology, quarter.start(), Granularity.QUARTER, value);
    }

    private static Observation edition(String technology, int year, double percent, boolean startsNewSeries) {
        return new Observation(USAGE, technology, LocalDate.of(year, 1, 1), Granularity.YEAR, percent, 6,
                startsNewSeries);
    }

    // --- the slope -------------------------------------------------------------------------------------------------

    @Test
    void theSlopeIsTheMedianOfThePairwiseSlopesWithItsErrorFromTheResiduals() {
        // ln values 0, 0.1, 0.3, 0.3 at years 0..3. Pairwise slopes: 0.1, 0.15, 0.1, 0.2, 0.1, 0 → median 0.1.
        // Intercept: median of (0, 0, 0.1, 0) = 0. Residuals 0, 0, 0.1, 0: σ² = 0.01 / 2, Σ(t − 1.5)² = 5,
        // se = sqrt(0.005 / 5) = sqrt(0.001).
        LogTrend trend = LogTrend.fit(new double[] {0, 1, 2, 3},
                new double[] {1, Math.exp(0.1), Math.exp(0.3), Math.exp(0.3)}, Quarter.parse("2021-Q3"),
                Quarter.parse("2024-Q3"));
        assertEquals(0.1, trend.slope(), EPS);
        assertEquals(Math.sqrt(0.001), trend.standardError(), EPS);
        assertEquals(4, trend.points());
    }

    @Test
    void oneOddPointDoesNotTiltTheSlope() {
        // a steady 10 % a year, one quarter ten times too high: the median of the pairwise slopes ignores it
        double[] years = new double[13];
        double[] values = new double[13];
        for (int i = 0; i < 13; i++) {
            years[i] = i / 4.0;
            values[i] = Math.exp(0.1 * years[i]) * (i == 6 ? 10 : 1);
        }
        assertEquals(0.1, LogTrend.fit(years, values, Q, Q).slope(), EPS);
    }

    @Test
    void aTrendNeedsThreePositivePointsInOrder() {
        assertThrows(IllegalArgumentException.class, () -> LogTrend.fit(new double[] {0, 1}, new double[] {1, 2}, Q, Q));
        assertThrows(IllegalArgumentException.class,
                () -> LogTrend.fit(new double[] {0, 1, 2}, new double[] {1, 0, 2}, Q, Q));
        assertThrows(IllegalArgumentException.class,
                () -> LogTrend.fit(new double[] {0, 2, 1}, new double[] {1, 2, 3}, Q, Q));
    }

    // --- stage 1: windows, bases and breaks ------------------------------------------------------------------------

    /** Two technologies growing at known rates inside a universe that doubles every year. */
    @Test
    void aQuarterlySlopeIsTheShareOfTheTrendBasisSoAGrowingUniverseCancels() {
        List<Observation> observations = new ArrayList<>();
        Quarter first = Q.minus(12);
        for (Quarter q = first; !q.isAfter(Q); q = q.plus(1)) {
            double years = first.quartersUntil(q) / 4.0;
            double universe = Math.pow(2, years);
            observations.add(quarterly(TOPIC, "a", q, universe * Math.exp(0.2 * years)));
            observations.add(quarterly(TOPIC, "b", q, universe * 3));
        }
        List<SignalComponent> components = V4.components(Set.of("a", "b"), observations, Q);
        SignalComponent a = at(components, TOPIC, "a", Q);
        SignalComponent b = at(components, TOPIC, "b", Q);
        // shares of a + b: a/(a+b) and b/(a+b) differ by a's 20 % a year; their slopes differ by exactly 0.2
        assertEquals(0.2, a.trend().slope() - b.trend().slope(), 1e-9);
        assertTrue(a.trend().slope() > 0 && b.trend().slope() < 0);
        assertEquals(13, a.trend().points());
        assertEquals(Q.minus(12), a.trend().from());
        assertEquals(Q, a.trend().to());
    }

    @Test
    void aYearlySlopeTakesTheEditionsOfThreeYearsPublishedBeforeTheQuarter() {
        List<Observation> observations = List.of(
                edition("a", 2019, 50, false), edition("a", 2020, 10, false), edition("a", 2021, 11, false),
                edition("a", 2022, 12.1, false), edition("a", 2023, 13.31, false), edition("a", 2024, 99, false));
        // as of 2024-Q2 the 2024 edition is not out (published 2024-Q3); the window is 2020..2023 (2019 is out)
        SignalComponent usage = at(V4.components(Set.of("a"), observations, Q), USAGE, "a", Q);
        assertEquals(Math.log(1.1), usage.trend().slope(), 1e-9);
        assertEquals(Quarter.parse("2020-Q3"), usage.trend().from());
        assertEquals(Quarter.parse("2023-Q3"), usage.trend().to());
        assertEquals(0, usage.trend().standardError(), 1e-9);
    }

    @Test
    void tooShortAWindowHasNoTrendAndSoNoMomentum() {
        List<Observation> observations = new ArrayList<>();
        for (Quarter q = Q.minus(6); !q.isAfter(Q); q = q.plus(1)) { // seven quarters
            observations.add(quarterly(TOPIC, "a", q, 1 + q.quarter()));
            observations.add(quarterly(TOPIC, "b", q, 2));
        }
        observations.add(edition("a", 2022, 5, false));
        observations.add(edition("a", 2023, 6, false)); // two editions
        List<SignalComponent> components = V4.components(Set.of("a", "b"), observations, Q);
        assertNull(at(components, TOPIC, "a", Q).trend());
        assertNull(at(components, USAGE, "a", Q).trend());
        Score score = V4.scores(Set.of("a", "b"), Q, components, V4.defaultPreset().weights(), 0.5).get(0);
        assertNotNull(score.popularity());
        assertNull(score.momentum());
        assertNull(score.trendScore());
        assertNull(score.direction());
        assertNotNull(score.recentChange(), "the one-year change needs only two years");
    }

    /** A flat series with a jump at a series break: whatever the jump and wherever the break, no momentum. */
    @Test
    void aSeriesBreakInsideTheWindowNeverCreatesMomentum() {
        Random random = new Random(4_2024L);
        for (int run = 0; run < 300; run++) {
            double before = 1 + random.nextDouble() * 20;
            double after = before * Math.exp(random.nextGaussian());
            int breakYear = 2020 + random.nextInt(5);
            List<Observation> observations = new ArrayList<>();
            for (int year = 2015; year <= 2024; year++) {
                observations.add(edition("a", year, year < breakYear ? before : after, year == breakYear));
            }
            Quarter breakQuarter = Q.minus(1 + random.nextInt(12));
            double base = 1 + random.nextDouble();
            for (Quarter q = Q.minus(20); !q.isAfter(Q); q = q.plus(1)) {
                boolean starts = q.equals(breakQuarter);
                observations.add(new Observation(TOPIC, "a", q.start(), Granularity.QUARTER,
                        q.isBefore(breakQuarter) ? base : base * 3, 0, starts));
                observations.add(quarterly(TOPIC, "b", q, 2));
                observations.add(quarterly(TOPIC, "c", q, 5));
            }
            Quarter asOf = Quarter.parse("2025-Q1");
            List<SignalComponent> components = V4.components(Set.of("a", "b", "c"), observations, asOf);
            for (SignalComponent component : components) {
                if (component.technology().equals("a") && component.hasTrend()) {
                    assertEquals(0, component.trend().slope(), 1e-12, () -> "a trend across a break: " + component);
                }
            }
            Score score = V4.scores(Set.of("a", "b", "c"), asOf, components, V4.defaultPreset().weights(), 0.5)
                    .get(0);
            assertTrue(score.momentum() == null || Math.abs(score.momentum()) < 1e-12, () -> "momentum " + score);
        }
    }

    // --- stage 2: intervals ----------------------------------------------------------------------------------------

    private static SignalComponent withTrend(String signal, String technology, double normalised, double slope,
                                             double standardError) {
        return new SignalComponent(signal, technology, Q, Q, normalised / 100, normalised, 0.05, null, null,
                LevelBasis.CATEGORY, new LogTrend(slope, standardError, Q.minus(12), Q, 13));
    }

    @Test
    void intervalsComeFromTheDisagreementBetweenSignals() {
        // equal weights, both fresh: a = (0.5, 0.5). Momentum: M = 0.2; τ² = (0.5·0.01 + 0.5·0.01) / (1 − 0.5) = 0.02;
        // Var = 0.25·(0.0004 + 0.02) + 0.25·(0.0016 + 0.02) = 0.0105. Popularity: P = 75, ln N deviations ±ln 2 / 2,
        // τ² = (ln 2)² / 2, Var = 0.5 · τ² = (ln 2 / 2)².
        Weights equal = new Weights(Map.of(TOPIC, 0.5, SEARCH, 0.5));
        Score score = V4.scores(Set.of("a"), Q, List.of(withTrend(TOPIC, "a", 100, 0.1, 0.02),
                withTrend(SEARCH, "a", 50, 0.3, 0.04)), equal, 0.5).get(0);
        assertEquals(0.2, score.momentum(), EPS);
        double momentumHalf = 1.645 * Math.sqrt(0.0105);
        assertEquals(0.2 - momentumHalf, score.intervals().momentum().low(), EPS);
        assertEquals(0.2 + momentumHalf, score.intervals().momentum().high(), EPS);
        assertEquals(0.02, score.intervals().momentumDisagreement(), EPS);
        assertEquals(75, score.popularity(), EPS);
        double popularityHalf = 1.645 * Math.log(2) / 2;
        assertEquals(75 * Math.exp(-popularityHalf), score.intervals().popularity().low(), 1e-9);
        assertEquals(100, score.intervals().popularity().high(), EPS, "clipped at 100");
        // T = 0.5·75 + 0.5·(50 + 50·0.2/ln 2); each side the root of the summed squares of T's swing
        double t = 0.5 * 75 + 0.5 * (50 + 50 * 0.2 / Math.log(2));
        assertEquals(t, score.trendScore(), 1e-9);
        double down = Math.hypot(0.5 * (75 - 75 * Math.exp(-popularityHalf)), 0.5 * 50 * momentumHalf / Math.log(2));
        double up = Math.hypot(0.5 * (100 - 75), 0.5 * 50 * momentumHalf / Math.log(2));
        assertEquals(t - down, score.intervals().trendScore().low(), 1e-9);
        assertEquals(t + up, score.intervals().trendScore().high(), 1e-9);
        assertEquals(Direction.RISING, score.direction());
        assertEquals(0.05, score.recentChange(), EPS);
    }

    @Test
    void aScoreOnOneSignalTakesTheCategorysMedianDisagreement() {
        Weights equal = new Weights(Map.of(TOPIC, 0.5, SEARCH, 0.5));
        List<SignalComponent> components = List.of(
                withTrend(TOPIC, "a", 100, 0.1, 0), withTrend(SEARCH, "a", 100, 0.3, 0), // τ² = 0.02
                withTrend(TOPIC, "b", 80, 0.0, 0), withTrend(SEARCH, "b", 80, 0.2, 0), // τ² = 0.02
                withTrend(TOPIC, "c", 60, 0.0, 0), withTrend(SEARCH, "c", 60, 0.6, 0), // τ² = 0.18
                withTrend(TOPIC, "lone", 10, 0.05, 0.01));
        Map<String, Score> scores = new HashMap<>();
        V4.scores(new TreeSet<>(Set.of("a", "b", "c", "lone")), Q, components, equal, 0.5)
                .forEach(score -> scores.put(score.technology(), score));
        Score lone = scores.get("lone");
        assertEquals(0.02, lone.intervals().momentumDisagreement(), 1e-12, "the median of 0.02, 0.02 and 0.18");
        double half = 1.645 * Math.sqrt(0.0001 + 0.02);
        assertEquals(0.05 - half, lone.intervals().momentum().low(), 1e-12);
        assertEquals(Direction.STEADY, lone.direction(), "its interval holds 0");
        assertEquals(0, scores.get("a").intervals().popularityDisagreement(), EPS, "two signals that agree");
    }

    /**
     * A newcomer that is in no basis (too short a history to be established or to have a trend) and leads no signal
     * changes no other technology's figures or intervals: only a change of the basis, by rule, may.
     */
    @Test
    void aNewcomerOutsideTheBasisLeavesTheOthersIntervalsUnchanged() {
        Random random = new Random(77_2025L);
        int compared = 0;
        for (int run = 0; run < 60; run++) {
            List<Observation> observations = new ArrayList<>();
            Set<String> technologies = new TreeSet<>();
            int size = 3 + random.nextInt(6);
            for (int t = 0; t < size; t++) {
                String technology = "t" + t;
                technologies.add(technology);
                double topic = 10 + random.nextDouble() * 90;
                double search = 10 + random.nextDouble() * 90;
                double topicGrowth = random.nextGaussian() * 0.3;
                double searchGrowth = random.nextGaussian() * 0.3;
                boolean searched = random.nextInt(4) > 0; // some on one signal only
                for (Quarter q = Q.minus(20); !q.isAfter(Q); q = q.plus(1)) {
                    double years = Q.minus(20).quartersUntil(q) / 4.0;
                    observations.add(quarterly(TOPIC, technology, q, topic * Math.exp(topicGrowth * years
                            + random.nextGaussian() * 0.05)));
                    if (searched) {
                        observations.add(quarterly(SEARCH, technology, q, search * Math.exp(searchGrowth * years
                                + random.nextGaussian() * 0.05)));
                    }
                }
                int year = 2018;
                for (double usage = 5 + random.nextDouble() * 30; year <= 2023; year++) {
                    usage *= Math.exp(random.nextGaussian() * 0.1);
                    observations.add(edition(technology, year, usage, false));
                }
            }
            List<Observation> withNewcomer = new ArrayList<>(observations);
            for (Quarter q = Q.minus(4); !q.isAfter(Q); q = q.plus(1)) { // five quarters, a tenth of anybody's
                withNewcomer.add(quarterly(TOPIC, "newcomer", q, 0.5 + random.nextDouble()));
            }
            Set<String> withItsSlug = new TreeSet<>(technologies);
            withItsSlug.add("newcomer");
            Weights weights = V4.defaultPreset().weights();
            for (Quarter asOf = Q.minus(2); !asOf.isAfter(Q); asOf = asOf.plus(1)) {
                List<Score> before = V4.scores(technologies, asOf, V4.components(technologies, observations, asOf),
                        weights, 0.5);
                Map<String, Score> after = new HashMap<>();
                V4.scores(withItsSlug, asOf, V4.components(withItsSlug, withNewcomer, asOf), weights, 0.5)
                        .forEach(score -> after.put(score.technology(), score));
                for (Score score : before) {
                    assertEquals(score, after.get(score.technology()), "a newcomer moved " + score.technology());
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, "scores compared: " + compared);
    }

    // --- stage 3: tiers and rank ranges ------------------------------------------------------------------------------

    @Test
    void rankRangesAndTiersFollowTheIntervals() {
        // trend-score intervals, top down: a [60, 80], b [55, 70], c [40, 58], d [20, 30]
        List<Score> scores = List.of(withInterval("a", 70, 60, 80), withInterval("b", 62, 55, 70),
                withInterval("c", 50, 40, 58), withInterval("d", 25, 20, 30));
        Map<String, Ranking.Placing> placings = Ranking.placings(scores, ScoreOrder.TREND);
        // a: nobody lies wholly above it; b reaches above its low (60) → best 1, worst 2
        assertEquals(new Ranking.Placing(new Ranking.RankRange(1, 2), 1), placings.get("a"));
        // b: a (low 60) is not wholly above b's high 70; a and c reach above 55 → worst 3; overlaps a → tier 1
        assertEquals(new Ranking.Placing(new Ranking.RankRange(1, 3), 1), placings.get("b"));
        // c: a lies wholly above (60 > 58); b reaches above 40 → best 2, worst 3; misses a's low 60 → opens tier 2
        assertEquals(new Ranking.Placing(new Ranking.RankRange(2, 3), 2), placings.get("c"));
        assertEquals(new Ranking.Placing(new Ranking.RankRange(4, 4), 3), placings.get("d"));
    }

    private static Score withInterval(String technology, double trendScore, double low, double high) {
        Score.Interval interval = new Score.Interval(low, high);
        return new Score(technology, Q, 50.0, 0.0, 0.0, trendScore, 1, Confidence.HIGH, Stage.ASSESS, 0.5, List.of(),
                0.0, new Score.Intervals(interval, interval, interval, 2, 0.0, 2, 0.0));
    }

    private static SignalComponent at(List<SignalComponent> components, String signal, String technology,
                                      Quarter quarter) {
        return components.stream().filter(c -> c.signal().equals(signal) && c.technology().equals(technology)
                && c.quarter().equals(quarter)).findFirst().orElseThrow(() -> new AssertionError(
                "no component of " + signal + "/" + technology + " in " + quarter));
    }
}
