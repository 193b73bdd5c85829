package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final double EPS = 1e-9;
    private static final Quarter AS_OF = Quarter.parse("2024-Q4");
    private static final String TOPIC = "github_topic_developers";
    private static final String SEARCH = "search_interest";

    @Test
    void tiesShareARankAndAreListedBySlug() {
        // the same components give the same trend score exactly: d and b tie for 2nd, so c is 4th
        List<Score> scores = List.of(
                score("d", AS_OF, 80.0, 0.1),
                score("a", AS_OF, 100.0, 0.1),
                score("c", AS_OF, 20.0, 0.1),
                score("b", AS_OF, 80.0, 0.1));
        List<Ranking.Entry> ranking = Ranking.rank(AS_OF, scores, List.of(), List.of(), ScoreOrder.TREND);
        assertEquals(List.of("a", "b", "d", "c"), technologies(ranking));
        assertEquals(Arrays.asList(1, 2, 2, 4), ranks(ranking));
    }

    @Test
    void technologiesWithoutTheFigureAreUnrankedAndLast() {
        List<Score> scores = List.of(
                score("zig", AS_OF, 90.0, null),          // a level but no growth: no trend score
                score("quarkus", AS_OF, null, null),      // no data at all
                score("go", AS_OF, 10.0, 0.0),
                score("java", AS_OF, 60.0, 0.0));
        List<Ranking.Entry> byTrend = Ranking.rank(AS_OF, scores, List.of(), List.of(), ScoreOrder.TREND);
        assertEquals(List.of("java", "go", "quarkus", "zig"), technologies(byTrend));
        assertEquals(Arrays.asList(1, 2, null, null), ranks(byTrend));
        // by popularity zig has a figure and leads
        List<Ranking.Entry> byPopularity = Ranking.rank(AS_OF, scores, List.of(), List.of(),
                ScoreOrder.POPULARITY);
        assertEquals(List.of("zig", "java", "go", "quarkus"), technologies(byPopularity));
        assertEquals(Arrays.asList(1, 2, 3, null), ranks(byPopularity));
    }

    @Test
    void rankChangeIsPreviousMinusCurrent() {
        List<Score> now = List.of(score("a", AS_OF, 90.0, 0.1), score("b", AS_OF, 50.0, 0.1),
                score("c", AS_OF, 10.0, 0.1), score("d", AS_OF, 5.0, 0.1));
        Quarter previous = AS_OF.minus(1);
        List<Score> before = List.of(score("a", previous, 10.0, 0.1), score("b", previous, 50.0, 0.1),
                score("c", previous, 90.0, null), score("d", previous, 5.0, 0.1));
        Map<String, Ranking.Entry> ranking = byTechnology(
                Ranking.rank(AS_OF, now, before, List.of(), ScoreOrder.TREND));
        // before: b 1st, a 2nd, d 3rd, c unranked (no growth); now: a, b, c, d
        assertEquals(2, ranking.get("a").sincePreviousQuarter().referenceRank());
        assertEquals(1, ranking.get("a").sincePreviousQuarter().rankChange(), "from 2nd to 1st: +1");
        assertEquals(-1, ranking.get("b").sincePreviousQuarter().rankChange(), "from 1st to 2nd: −1");
        assertNull(ranking.get("c").sincePreviousQuarter().rankChange(), "unranked before");
        assertNull(ranking.get("c").sincePreviousQuarter().trendScoreDelta());
        assertEquals(List.of(), ranking.get("c").sincePreviousQuarter().whyItMoved());
        assertEquals(10.0 - 90.0, ranking.get("c").sincePreviousQuarter().popularityDelta(), EPS);
        assertEquals(3, ranking.get("c").rank());
        assertEquals(-1, ranking.get("d").sincePreviousQuarter().rankChange());
        assertEquals(0.0, ranking.get("d").sincePreviousQuarter().trendScoreDelta(), EPS);
        // no scores a year ago at all
        Ranking.Change sinceYearAgo = ranking.get("a").sinceYearAgo();
        assertEquals(AS_OF.minus(4), sinceYearAgo.referenceQuarter());
        assertNull(sinceYearAgo.referenceRank());
        assertNull(sinceYearAgo.popularityDelta());
        assertNull(sinceYearAgo.trendScoreDelta());
    }

    @Test
    void aDifferenceWithinTheOperandsRoundingErrorIsNoChange() {
        double sumOneWay = 0.1 + 0.2 + 0.3;
        double sumOtherWay = 0.3 + 0.2 + 0.1;
        assertNotEquals(sumOneWay, sumOtherWay, "the premise: two orders, two results");
        assertEquals(0.0, Ranking.difference(sumOneWay, sumOtherWay));
        assertEquals(0.5, Ranking.difference(90.0, 89.5));
        assertEquals(-1e-9, Ranking.difference(50.0, 50.0 + 1e-9), 1e-14, "a real change, however small, stays");
        assertEquals(2e-20, Ranking.difference(3e-20, 1e-20), 1e-35, "small figures keep their own scale");
    }

    @Test
    void whyItMovedCountsASignalAbsentInOneQuarterAsZero() {
        Quarter yearAgo = AS_OF.minus(4);
        // a year ago only topic; now topic and search
        Score then = MethodV1.INSTANCE.score("go", yearAgo, List.of(
                new SignalComponent(TOPIC, "go", yearAgo, yearAgo, 0.1, 40.0, 0.1)), MethodV1.BALANCED, 0.5);
        Score now = MethodV1.INSTANCE.score("go", AS_OF, List.of(
                new SignalComponent(TOPIC, "go", AS_OF, AS_OF, 0.1, 50.0, 0.2),
                new SignalComponent(SEARCH, "go", AS_OF, AS_OF, 0.1, 80.0, 0.3)), MethodV1.BALANCED, 0.5);
        Ranking.Change change = Ranking.rank(AS_OF, List.of(now), List.of(), List.of(then), ScoreOrder.TREND)
                .get(0).sinceYearAgo();
        // then: T = 0.5·40 + 0.5·(50 + 50·0.1/ln 2) = 20 + 25 + 3.606737602 = 48.606737602; t_topic = 23.606737602
        // now:  P = (0.3·50 + 0.2·80)/0.5 = 62, M = (0.06 + 0.06)/0.5 = 0.24
        //       t_topic = 0.5·0.6·50 + 25·0.6·0.2/ln 2 = 15 + 4.328085123 = 19.328085123
        //       t_search = 0.5·0.4·80 + 25·0.4·0.3/ln 2 = 16 + 4.328085123 = 20.328085123
        double thenTopic = 20 + 25 * 0.1 / Math.log(2);
        double nowTopic = 15 + 25 * 0.6 * 0.2 / Math.log(2);
        double nowSearch = 16 + 25 * 0.4 * 0.3 / Math.log(2);
        Map<String, Ranking.SignalChange> why = new HashMap<>();
        change.whyItMoved().forEach(signalChange -> why.put(signalChange.signal(), signalChange));
        assertEquals(0.0, why.get(SEARCH).referenceContribution());
        assertEquals(nowSearch, why.get(SEARCH).change(), EPS);
        assertEquals(nowTopic - thenTopic, why.get(TOPIC).change(), EPS);
        assertEquals(now.trendScore() - then.trendScore(), change.trendScoreDelta(), EPS);
        assertEquals(change.trendScoreDelta(), why.get(SEARCH).change() + why.get(TOPIC).change(), EPS);
        assertEquals(SEARCH, change.whyItMoved().get(0).signal(), "largest change first");
    }

    @Test
    void sortsByMomentumOnRequest() {
        List<Score> scores = List.of(score("a", AS_OF, 90.0, -0.2), score("b", AS_OF, 10.0, 0.5),
                score("c", AS_OF, 50.0, 0.1));
        assertEquals(List.of("b", "c", "a"),
                technologies(Ranking.rank(AS_OF, scores, List.of(), List.of(), ScoreOrder.MOMENTUM)));
        assertEquals("momentum", ScoreOrder.MOMENTUM.label());
        assertEquals("trend", ScoreOrder.TREND.label());
        assertEquals("popularity", ScoreOrder.POPULARITY.label());
    }

    @Test
    void competitionRanksAlone() {
        List<Score> scores = List.of(score("a", AS_OF, 50.0, 0.0), score("b", AS_OF, 50.0, 0.0),
                score("c", AS_OF, 50.0, 0.0), score("d", AS_OF, 40.0, 0.0), score("e", AS_OF, null, null));
        assertEquals(Map.of("a", 1, "b", 1, "c", 1, "d", 4), Ranking.ranks(scores, ScoreOrder.TREND));
        assertEquals(Map.of(), Ranking.ranks(List.of(), ScoreOrder.TREND));
    }

    @Test
    void anEmptyCategoryHasAnEmptyRanking() {
        assertEquals(List.of(), Ranking.rank(AS_OF, List.of(), List.of(), List.of(), ScoreOrder.TREND));
        assertEquals(List.of(), MethodV1.INSTANCE.ranking(Set.of(), AS_OF, List.of(), MethodV1.BALANCED, 0.5,
                ScoreOrder.TREND));
    }

    @Test
    void aTechnologyWithoutComponentsIsListedUnranked() {
        List<SignalComponent> components = List.of(
                new SignalComponent(TOPIC, "spring-boot", AS_OF, AS_OF, 0.1, 100.0, 0.1));
        List<Ranking.Entry> ranking = MethodV1.INSTANCE.ranking(Set.of("spring-boot", "quarkus"), AS_OF, components,
                MethodV1.BALANCED, 0.5, ScoreOrder.TREND);
        assertEquals(List.of("spring-boot", "quarkus"), technologies(ranking));
        assertNull(ranking.get(1).rank());
        assertEquals(0.0, ranking.get(1).score().coverage());
        assertEquals(Confidence.LOW, ranking.get(1).score().confidence());
    }

    @Test
    void refusesInconsistentInput() {
        List<Score> now = List.of(score("a", AS_OF, 50.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Ranking.rank(AS_OF.plus(1), now, List.of(), List.of(),
                ScoreOrder.TREND), "score of another quarter");
        assertThrows(IllegalArgumentException.class, () -> Ranking.rank(AS_OF, now, now, List.of(),
                ScoreOrder.TREND), "previous-quarter scores of asOf");
        List<Score> twice = List.of(score("a", AS_OF, 50.0, 0.0), score("a", AS_OF, 60.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Ranking.rank(AS_OF, twice, List.of(), List.of(),
                ScoreOrder.TREND));
        Score otherAlpha = MethodV1.INSTANCE.score("a", AS_OF.minus(1), List.of(), MethodV1.BALANCED, 0.3);
        assertThrows(IllegalArgumentException.class, () -> Ranking.rank(AS_OF, now, List.of(otherAlpha), List.of(),
                ScoreOrder.TREND));
        assertThrows(IllegalArgumentException.class, () -> MethodV1.INSTANCE.ranking(Set.of("b"), AS_OF,
                List.of(new SignalComponent(TOPIC, "a", AS_OF, AS_OF, 0.1, 100.0, 0.1)), MethodV1.BALANCED, 0.5,
                ScoreOrder.TREND));
    }

    /** A score from one topic component with the given normalised level and growth (null: absent). */
    private static Score score(String technology, Quarter quarter, Double normalisedLevel, Double growth) {
        List<SignalComponent> components = new ArrayList<>();
        if (normalisedLevel != null) {
            components.add(new SignalComponent(TOPIC, technology, quarter, quarter, normalisedLevel / 1000,
                    normalisedLevel, growth));
        }
        return MethodV1.INSTANCE.score(technology, quarter, components, MethodV1.BALANCED, 0.5);
    }

    private static List<String> technologies(List<Ranking.Entry> ranking) {
        return ranking.stream().map(Ranking.Entry::technology).toList();
    }

    private static List<Integer> ranks(List<Ranking.Entry> ranking) {
        return ranking.stream().map(Ranking.Entry::rank).toList();
    }

    private static Map<String, Ranking.Entry> byTechnology(List<Ranking.Entry> ranking) {
        Map<String, Ranking.Entry> byTechnology = new HashMap<>();
        ranking.forEach(entry -> byTechnology.put(entry.technology(), entry));
        return byTechnology;
    }
}
