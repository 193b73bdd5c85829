package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small category worked through by hand, every figure to 1e-9.
 *
 * <pre>
 * Technologies: java, go, rust. Weights: balanced (github_topic_developers 0.3, search_interest 0.2; the other two
 * signals have no data here). α = 0.5. Quarters 2023-Q1 .. 2024-Q4; asOf = 2024-Q4.
 *
 * github_topic_developers (quarterly shares), the same value in every quarter of a year:
 *            2023   2024
 *   java     0.40   0.36
 *   go       0.10   0.15
 *   rust     0.05   0.10
 * search_interest (monthly shares):
 *   java     0.30 every month of 2023 and 2024
 *   go       0.05 every month of 2023; 0.10 in 2024, except Oct 0.09, Nov 0.10, Dec 0.11 (Q4 mean = 0.10)
 *   rust     0.02 every month of 2023; 0.03 Jan..Sep 2024; Oct 0.04; Nov and Dec missing,
 *            so 2024-Q4 is missing and rust's search data is one quarter stale in 2024-Q4
 * </pre>
 */
class GoldenExampleTest {

    private static final double EPS = 1e-9;
    private static final String TOPIC = "github_topic_developers";
    private static final String SEARCH = "search_interest";
    private static final Quarter AS_OF = Quarter.parse("2024-Q4");
    private static final Set<String> CATEGORY = Set.of("java", "go", "rust");

    private static List<SignalComponent> components;

    @BeforeAll
    static void computeComponents() {
        List<Observation> observations = new ArrayList<>();
        for (Quarter quarter = Quarter.parse("2023-Q1"); !quarter.isAfter(AS_OF); quarter = quarter.plus(1)) {
            boolean in2023 = quarter.year() == 2023;
            observations.add(quarterly(TOPIC, "java", quarter, in2023 ? 0.40 : 0.36));
            observations.add(quarterly(TOPIC, "go", quarter, in2023 ? 0.10 : 0.15));
            observations.add(quarterly(TOPIC, "rust", quarter, in2023 ? 0.05 : 0.10));
        }
        for (LocalDate month = LocalDate.of(2023, 1, 1); month.getYear() < 2025; month = month.plusMonths(1)) {
            boolean in2023 = month.getYear() == 2023;
            observations.add(monthly(SEARCH, "java", month, 0.30));
            double goShare = in2023 ? 0.05 : switch (month.getMonthValue()) {
                case 10 -> 0.09;
                case 11 -> 0.10;
                case 12 -> 0.11;
                default -> 0.10;
            };
            observations.add(monthly(SEARCH, "go", month, goShare));
            if (month.isBefore(LocalDate.of(2024, 10, 1))) {
                observations.add(monthly(SEARCH, "rust", month, in2023 ? 0.02 : 0.03));
            } else if (month.getMonthValue() == 10) {
                observations.add(monthly(SEARCH, "rust", month, 0.04));
            }
        }
        assertEquals(AS_OF, MethodV1.INSTANCE.defaultAsOf(observations).orElseThrow(), "newest complete quarter");
        components = MethodV1.INSTANCE.components(CATEGORY, observations, AS_OF);
    }

    @Test
    void componentsInAsOf() {
        // Levels L = mean of 2024-Q1..Q4 (current data), growths G = ln(L(2024-Q4) / L(2023-Q4)):
        //   topic:  java L = 0.36, L a year ago = 0.40, G = ln 0.9 = -0.105360516
        //           go   L = 0.15,                0.10, G = ln 1.5 =  0.405465108
        //           rust L = 0.10,                0.05, G = ln 2   =  0.693147181
        //           leader java: N = 100, go 100·0.15/0.36 = 41.666666667, rust 100·0.10/0.36 = 27.777777778
        //   search: java L = 0.30, G = ln 1 = 0; go L = (0.10+0.10+0.10+(0.09+0.10+0.11)/3)/4 = 0.10, a year ago 0.05,
        //           G = ln 2; N java 100, go 100·0.10/0.30 = 33.333333333
        //           rust: 2024-Q4 is missing (two months), so the newest data is 2024-Q3, age 1; it carries
        //           L(2024-Q3) = mean(2023-Q4 0.02, 2024-Q1..Q3 0.03) = 0.0275 and
        //           G(2024-Q3) = ln(0.0275 / L(2023-Q3)) where L(2023-Q3) = mean(0.02, 0.02, 0.02) (3 of 4) = 0.02,
        //           so G = ln 1.375 = 0.318453731; N = 100·0.0275/0.30 = 9.166666667
        assertComponent("java", TOPIC, AS_OF, 0.36, 100, Math.log(0.9));
        assertComponent("go", TOPIC, AS_OF, 0.15, 41.666666666666667, Math.log(1.5));
        assertComponent("rust", TOPIC, AS_OF, 0.10, 27.777777777777778, Math.log(2));
        assertComponent("java", SEARCH, AS_OF, 0.30, 100, 0.0);
        assertComponent("go", SEARCH, AS_OF, 0.10, 33.333333333333333, Math.log(2));
        SignalComponent rustSearch = assertComponent("rust", SEARCH, AS_OF, 0.0275, 9.1666666666666667,
                Math.log(1.375));
        assertEquals(Quarter.parse("2024-Q3"), rustSearch.dataQuarter());
        assertEquals(1, rustSearch.ageInQuarters());
    }

    @Test
    void earlyQuartersHaveNoLevelOrNoGrowth() {
        // 2023-Q1 and Q2: fewer than 3 quarters of data, so no level. 2023-Q3: level from 3 of 4 quarters.
        // Growth needs a level a year earlier: the first level is 2023-Q3, so the first growth is 2024-Q3.
        SignalComponent first = component("go", TOPIC, Quarter.parse("2023-Q1"));
        assertNull(first.level());
        assertNull(first.normalisedLevel());
        assertNull(component("go", TOPIC, Quarter.parse("2023-Q2")).level());
        assertEquals(0.10, component("go", TOPIC, Quarter.parse("2023-Q3")).level(), EPS);
        assertNull(component("go", TOPIC, Quarter.parse("2024-Q2")).growth());
        assertEquals(Math.log(0.1375 / 0.10), component("go", TOPIC, Quarter.parse("2024-Q3")).growth(), EPS);
    }

    @Test
    void scoresInAsOf() {
        Map<String, Score> scores = scoresIn(AS_OF);

        // java: P = (0.3·100 + 0.2·100) / 0.5 = 100
        //       M = (0.3·ln 0.9 + 0.2·0) / 0.5 = 0.6·ln 0.9 = -0.063216309395; momentumPct = 100·(0.9^0.6 − 1) = -6.125960664
        //       M / ln 2 = -0.091201856 (no clamp), T = 0.5·100 + 0.5·(50 + 50·(-0.091201856)) = 72.719953598
        //       t_topic = 0.5·0.6·100 + 0.5·50·0.6·ln 0.9 / ln 2 = 30 − 2.280046402 = 27.719953598
        //       t_search = 0.5·0.4·100 + 0 = 20; 0.5·50 + 27.719953598 + 20 = 72.719953598 ✓
        //       stage: P ≥ 50 and M ≥ ln 0.9 → adopt. coverage = 0.3 + 0.2 = 0.5 → medium
        Score java = scores.get("java");
        assertEquals(100, java.popularity(), EPS);
        assertEquals(-0.063216309395, java.momentum(), EPS);
        assertEquals(-6.125960664, java.momentumPct(), 1e-8);
        assertEquals(72.719953598324, java.trendScore(), EPS);
        assertEquals(Stage.ADOPT, java.stage());
        assertEquals(0.5, java.coverage(), EPS);
        assertEquals(Confidence.MEDIUM, java.confidence());
        assertContribution(java, TOPIC, 0.3, 0.6, 0.6, 27.719953598324);
        assertContribution(java, SEARCH, 0.2, 0.4, 0.4, 20.0);

        // go: P = (0.3·41.666666667 + 0.2·33.333333333) / 0.5 = (12.5 + 6.666666667) / 0.5 = 38.333333333
        //     M = (0.3·ln 1.5 + 0.2·ln 2) / 0.5 = (0.121639532 + 0.138629436) / 0.5 = 0.520537937
        //     T = 0.5·38.333333333 + 0.5·(50 + 50·0.520537937/0.693147181) = 19.166666667 + 25 + 18.774437511
        //       = 62.941104177; stage: P < 50, M ≥ ln 1.15 = 0.139761942 → trial
        //     t_topic = 0.5·0.6·41.666666667 + 25·0.6·ln 1.5/ln 2 = 12.5 + 8.774437511 = 21.274437511
        //     t_search = 0.5·0.4·33.333333333 + 25·0.4·1 = 6.666666667 + 10 = 16.666666667
        Score go = scores.get("go");
        assertEquals(38.333333333333, go.popularity(), EPS);
        assertEquals(0.520537937089, go.momentum(), EPS);
        assertEquals(62.941104177484, go.trendScore(), EPS);
        assertEquals(Stage.TRIAL, go.stage());
        assertContribution(go, TOPIC, 0.3, 0.6, 0.6, 21.274437510817);
        assertContribution(go, SEARCH, 0.2, 0.4, 0.4, 16.666666666667);

        // rust: search is one quarter stale, so it weighs 0.2·0.5^(1/4) = 0.168179283; Σw = 0.468179283
        //       P = (0.3·27.777777778 + 0.168179283·9.166666667) / 0.468179283 = (8.333333333 + 1.541643428)
        //         / 0.468179283 = 21.092297585
        //       M = (0.3·ln 2 + 0.168179283·ln 1.375) / 0.468179283 = (0.207944154 + 0.053557320) / 0.468179283
        //         = 0.558549863, momentumPct = 74.813562498
        //       T = 0.5·21.092297585 + 0.5·(50 + 50·0.558549863/0.693147181) = 10.546148793 + 25 + 20.145427932
        //         = 55.691576724; stage trial; coverage still 0.5: a stale signal is covered
        //       popularity/momentum shares: topic 0.3/0.468179283 = 0.640780169, search 0.359219831
        Score rust = scores.get("rust");
        double staleWeight = 0.2 * Math.pow(0.5, 0.25);
        assertEquals(0.168179283051, staleWeight, EPS);
        assertEquals(21.092297585129, rust.popularity(), EPS);
        assertEquals(0.558549862882, rust.momentum(), EPS);
        assertEquals(74.813562498, rust.momentumPct(), 1e-8);
        assertEquals(55.691576724302, rust.trendScore(), EPS);
        assertEquals(Stage.TRIAL, rust.stage());
        assertEquals(0.5, rust.coverage(), EPS);
        assertContribution(rust, TOPIC, 0.3, 0.640780168753, 0.640780168753, 24.919228784846);
        assertContribution(rust, SEARCH, staleWeight, 0.359219831247, 0.359219831247, 5.772347939456);
    }

    @Test
    void rankingWithChangesAndWhyItMoved() {
        List<Ranking.Entry> ranking = MethodV1.INSTANCE.ranking(CATEGORY, AS_OF, components, MethodV1.BALANCED,
                MethodV1.DEFAULT_MOMENTUM_WEIGHT, ScoreOrder.TREND);
        assertEquals(List.of("java", "go", "rust"), ranking.stream().map(Ranking.Entry::technology).toList());
        assertEquals(List.of(1, 2, 3), ranking.stream().map(Ranking.Entry::rank).toList());

        // 2024-Q3 by hand (levels of 2023-Q4..2024-Q3, growths against the 3-of-4 levels of 2023-Q3):
        //   topic:  java L = (0.40 + 3·0.36)/4 = 0.37,  G = ln(0.37/0.40) = ln 0.925, N = 100
        //           go   L = (0.10 + 3·0.15)/4 = 0.1375, G = ln 1.375, N = 100·0.1375/0.37 = 37.162162162
        //   search: go   L = (0.05 + 3·0.10)/4 = 0.0875, G = ln 1.75,  N = 29.166666667
        //   go: P = (0.3·37.162162162 + 0.2·29.166666667)/0.5 = 33.963963964
        //       M = (0.3·ln 1.375 + 0.2·ln 1.75)/0.5 = 0.414918554
        //       T = 16.981981982 + 25 + 0.5·50·0.414918554/ln 2 = 56.947005482
        //       t_topic = 0.5·0.6·37.162162162 + 25·0.6·ln 1.375/ln 2 = 11.148648649 + 6.891474280 = 18.040122928
        //       t_search = 0.5·0.4·29.166666667 + 25·0.4·ln 1.75/ln 2 = 5.833333333 + 8.073549221 = 13.906882554
        //   ΔT = 62.941104177 − 56.947005482 = 5.994098695
        //      = (21.274437511 − 18.040122928) + (16.666666667 − 13.906882554) = 3.234314583 + 2.759784113 ✓
        Ranking.Entry go = ranking.get(1);
        Ranking.Change sincePrevious = go.sincePreviousQuarter();
        assertEquals(Quarter.parse("2024-Q3"), sincePrevious.referenceQuarter());
        assertEquals(2, sincePrevious.referenceRank());
        assertEquals(0, sincePrevious.rankChange());
        assertEquals(38.333333333333 - 33.963963963964, sincePrevious.popularityDelta(), EPS);
        assertEquals(0.520537937089 - 0.414918553845, sincePrevious.momentumDelta(), EPS);
        assertEquals(68.293271817 - 51.424740604, sincePrevious.momentumPctDelta(), 1e-8);
        assertEquals(5.994098695367, sincePrevious.trendScoreDelta(), EPS);
        Map<String, Ranking.SignalChange> why = sincePrevious.whyItMoved().stream()
                .collect(Collectors.toMap(Ranking.SignalChange::signal, Function.identity()));
        assertEquals(18.040122928208, why.get(TOPIC).referenceContribution(), EPS);
        assertEquals(21.274437510817, why.get(TOPIC).contribution(), EPS);
        assertEquals(3.234314582609, why.get(TOPIC).change(), EPS);
        assertEquals(2.759784112758, why.get(SEARCH).change(), EPS);
        assertEquals(TOPIC, sincePrevious.whyItMoved().get(0).signal(), "largest change first");

        // rust in 2024-Q3 had current search data (age 0): T = 50.632567945, so ΔT = 5.059008779
        Ranking.Change rustSincePrevious = ranking.get(2).sincePreviousQuarter();
        assertEquals(55.691576724302 - 50.632567945165, rustSincePrevious.trendScoreDelta(), EPS);
        assertEquals(24.919228784846 - 19.204918425459,
                changeOf(rustSincePrevious, TOPIC).change(), EPS);
        assertEquals(5.772347939456 - 6.427649519706, changeOf(rustSincePrevious, SEARCH).change(), EPS);

        // A year ago (2023-Q4) there is no growth yet (the first level is 2023-Q3), so no momentum, no trend score
        // and no rank; popularity exists:
        //   topic N: java 100, go 100·0.10/0.40 = 25, rust 12.5; search N: java 100, go 16.666666667, rust 6.666666667
        //   go P = (0.3·25 + 0.2·16.666666667)/0.5 = 21.666666667, so ΔP = 38.333333333 − 21.666666667 = 16.666666667
        Ranking.Change goSinceYearAgo = go.sinceYearAgo();
        assertEquals(Quarter.parse("2023-Q4"), goSinceYearAgo.referenceQuarter());
        assertNull(goSinceYearAgo.referenceRank());
        assertNull(goSinceYearAgo.rankChange());
        assertEquals(16.666666666667, goSinceYearAgo.popularityDelta(), EPS);
        assertNull(goSinceYearAgo.momentumDelta());
        assertNull(goSinceYearAgo.trendScoreDelta());
        assertEquals(List.of(), goSinceYearAgo.whyItMoved());
    }

    @Test
    void rankingByPopularity() {
        List<Ranking.Entry> ranking = MethodV1.INSTANCE.ranking(CATEGORY, AS_OF, components, MethodV1.BALANCED,
                MethodV1.DEFAULT_MOMENTUM_WEIGHT, ScoreOrder.POPULARITY);
        assertEquals(List.of("java", "go", "rust"), ranking.stream().map(Ranking.Entry::technology).toList());
        // A year ago popularity existed: java 100, go 21.666666667, rust (0.3·12.5 + 0.2·6.666666667)/0.5 = 10.166666667
        assertEquals(0, ranking.get(2).sinceYearAgo().rankChange());
        assertEquals(21.092297585129 - 10.166666666667, ranking.get(2).sinceYearAgo().popularityDelta(), EPS);
    }

    @Test
    void rankingByMomentum() {
        // M: rust 0.558549863 > go 0.520537937 > java -0.063216309
        List<Ranking.Entry> ranking = MethodV1.INSTANCE.ranking(CATEGORY, AS_OF, components, MethodV1.BALANCED,
                MethodV1.DEFAULT_MOMENTUM_WEIGHT, ScoreOrder.MOMENTUM);
        assertEquals(List.of("rust", "go", "java"), ranking.stream().map(Ranking.Entry::technology).toList());
        // 2024-Q3 momentum: rust 0.463150965 > go 0.414918554 > java; unchanged order
        assertEquals(0, ranking.get(0).sincePreviousQuarter().rankChange());
    }

    @Test
    void scoresOfAllQuartersAtOnceEqualThoseOfEachQuarter() {
        var byQuarter = MethodV1.INSTANCE.scoresByQuarter(CATEGORY, components, MethodV1.BALANCED, 0.5);
        assertEquals(Quarter.parse("2023-Q1"), byQuarter.firstKey());
        assertEquals(AS_OF, byQuarter.lastKey());
        for (Quarter quarter : byQuarter.keySet()) {
            assertEquals(MethodV1.INSTANCE.scores(CATEGORY, quarter, components, MethodV1.BALANCED, 0.5),
                    byQuarter.get(quarter));
        }
    }

    private static Map<String, Score> scoresIn(Quarter quarter) {
        return MethodV1.INSTANCE.scores(CATEGORY, quarter, components, MethodV1.BALANCED, MethodV1.DEFAULT_MOMENTUM_WEIGHT)
                .stream().collect(Collectors.toMap(Score::technology, Function.identity()));
    }

    private static SignalComponent component(String technology, String signal, Quarter quarter) {
        return components.stream()
                .filter(c -> c.technology().equals(technology) && c.signal().equals(signal)
                        && c.quarter().equals(quarter))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + technology + "/" + signal
                        + " in " + quarter));
    }

    private static SignalComponent assertComponent(String technology, String signal, Quarter quarter, double level,
                                                   double normalisedLevel, double growth) {
        SignalComponent component = component(technology, signal, quarter);
        assertEquals(level, component.level(), EPS, "level");
        assertEquals(normalisedLevel, component.normalisedLevel(), EPS, "normalisedLevel");
        assertEquals(growth, component.growth(), EPS, "growth");
        return component;
    }

    private static void assertContribution(Score score, String signal, double weightUsed, double popularityShare,
                                           double momentumShare, double trendContribution) {
        Score.SignalContribution contribution = score.signals().stream()
                .filter(c -> c.signal().equals(signal)).findFirst().orElseThrow();
        assertEquals(weightUsed, contribution.weightUsed(), EPS, "weightUsed");
        assertEquals(popularityShare, contribution.popularityShare(), EPS, "popularityShare");
        assertEquals(momentumShare, contribution.momentumShare(), EPS, "momentumShare");
        assertEquals(trendContribution, contribution.trendContribution(), EPS, "trendContribution");
    }

    private static Ranking.SignalChange changeOf(Ranking.Change change, String signal) {
        return change.whyItMoved().stream().filter(c -> c.signal().equals(signal)).findFirst().orElseThrow();
    }

    private static Observation quarterly(String signal, String technology, Quarter quarter, double value) {
        return new Observation(signal, technology, quarter.start(), Granularity.QUARTER, value);
    }

    private static Observation monthly(String signal, String technology, LocalDate month, double value) {
        return new Observation(signal, technology, month, Granularity.MONTH, value);
    }
}
