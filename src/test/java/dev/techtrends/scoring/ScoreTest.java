package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreTest {

    private static final double EPS = 1e-9;
    private static final double LN2 = Math.log(2);
    private static final Quarter Q = Quarter.parse("2024-Q4");
    private static final String TECHNOLOGY = "go";
    private static final String TOPIC = "github_topic_developers";
    private static final String LANGUAGE = "github_language_developers";
    private static final String SEARCH = "search_interest";
    private static final String QA = "qa_questions";
    private static final String JOBS = "job_postings";

    @Test
    void noComponentsMeansNoMadeUpScore() {
        // Quarkus today: listed, coverage 0, no figures
        Score score = MethodV1.INSTANCE.score("quarkus", Q, List.of(), MethodV1.BALANCED, 0.5);
        assertNull(score.popularity());
        assertNull(score.momentum());
        assertNull(score.momentumPct());
        assertNull(score.trendScore());
        assertNull(score.stage());
        assertEquals(0.0, score.coverage());
        assertEquals(Confidence.LOW, score.confidence());
        assertEquals(List.of(), score.signals());
    }

    @Test
    void aLevelWithoutGrowthGivesPopularityButNoTrendOrStage() {
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(component(TOPIC, 0, 0.02, 40.0, null)),
                MethodV1.BALANCED, 0.5);
        assertEquals(40, score.popularity(), EPS);
        assertNull(score.momentum());
        assertNull(score.trendScore(), "no trend without a momentum");
        assertNull(score.stage(), "no stage without a momentum");
        assertNull(score.signals().get(0).trendContribution());
        assertEquals(1.0, score.signals().get(0).popularityShare());
        assertNull(score.signals().get(0).momentumShare());
        assertEquals(0.3, score.coverage(), EPS);
    }

    @Test
    void popularityAndMomentumEachRenormaliseTheirOwnWeights() {
        // topic has a level and a growth, search a level only:
        // P = (0.3·80 + 0.2·20) / 0.5 = 56; M = 0.3·0.2 / 0.3 = 0.2 (search does not dilute momentum)
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(
                component(TOPIC, 0, 0.1, 80.0, 0.2),
                component(SEARCH, 0, 0.1, 20.0, null)), MethodV1.BALANCED, 0.5);
        assertEquals(56, score.popularity(), EPS);
        assertEquals(0.2, score.momentum(), EPS);
        assertEquals(100 * (Math.exp(0.2) - 1), score.momentumPct(), EPS);
        // T = 0.5·56 + 0.5·(50 + 50·0.2/ln 2) = 28 + 25 + 7.213475204 = 60.213475204
        assertEquals(28 + 25 + 25 * 0.2 / LN2, score.trendScore(), EPS);
        // t_topic = 0.5·0.6·80 + 0.5·50·1.0·0.2/ln 2 = 24 + 7.213475; t_search = 0.5·0.4·20 = 4
        assertEquals(24 + 25 * 0.2 / LN2, contribution(score, TOPIC).trendContribution(), EPS);
        assertEquals(4, contribution(score, SEARCH).trendContribution(), EPS);
        assertSumsToTrend(score);
        // adopt needs P ≥ 50 and M ≥ ln 0.9
        assertEquals(Stage.ADOPT, score.stage());
    }

    @Test
    void staleSignalsCountWithHalvingWeight() {
        // search 4 quarters stale: 0.2·0.5 = 0.1; qa 8 quarters stale: 0.2·0.25 = 0.05
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(
                component(TOPIC, 0, 0.1, 100.0, 0.0),
                component(SEARCH, 4, 0.1, 50.0, -0.5),
                component(QA, 8, 0.1, 10.0, 1.0)), MethodV1.BALANCED, 0.5);
        assertEquals(0.1, contribution(score, SEARCH).weightUsed(), EPS);
        assertEquals(0.05, contribution(score, QA).weightUsed(), EPS);
        assertEquals(4, contribution(score, SEARCH).ageInQuarters());
        assertEquals(Q.minus(4), contribution(score, SEARCH).dataQuarter());
        // P = (0.3·100 + 0.1·50 + 0.05·10) / 0.45 = 35.5 / 0.45 = 78.888888889
        assertEquals(35.5 / 0.45, score.popularity(), EPS);
        // M = (0 − 0.05 + 0.05) / 0.45 = 0
        assertEquals(0.0, score.momentum(), EPS);
        // coverage counts stale signals at their full default weight: 0.3 + 0.2 + 0.2 = 0.7 → high
        assertEquals(0.7, score.coverage(), EPS);
        assertEquals(Confidence.HIGH, score.confidence());
        assertSumsToTrend(score);
    }

    @Test
    void theMomentumClampIsSharedInProportion() {
        // topic G = 1, language G = 0.9: M = (0.3 + 0.27)/0.6 = 0.95 > ln 2, M/ln 2 = 1.370566 → clamped to 1;
        // k = 1/1.370566 = 0.729625, so the momentum terms are 25·k·0.5·1/ln 2 and 25·k·0.5·0.9/ln 2,
        // which add up to 25·k·0.95/ln 2 = 25 exactly
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(
                component(TOPIC, 0, 0.1, 60.0, 1.0),
                component(LANGUAGE, 0, 0.1, 40.0, 0.9)), MethodV1.BALANCED, 0.5);
        assertEquals(0.95, score.momentum(), EPS);
        assertEquals(0.5 * 50 + 0.5 * 100, score.trendScore(), EPS); // P = 50, T = 25 + 50 = 75
        double k = 1 / (0.95 / LN2);
        assertEquals(0.5 * 0.5 * 60 + 25 * k * 0.5 * 1.0 / LN2, contribution(score, TOPIC).trendContribution(), EPS);
        assertEquals(0.5 * 0.5 * 40 + 25 * k * 0.5 * 0.9 / LN2, contribution(score, LANGUAGE).trendContribution(),
                EPS);
        assertSumsToTrend(score);
        assertEquals(Stage.ADOPT, score.stage());
    }

    @Test
    void theNegativeClampIsSharedToo() {
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(
                component(TOPIC, 0, 0.1, 10.0, -1.0),
                component(SEARCH, 0, 0.1, 5.0, -0.8)), MethodV1.BALANCED, 0.5);
        // M = (−0.3 − 0.16)/0.5 = −0.92 < −ln 2: T = 0.5·P + 0.5·0 = 0.5·(0.3·10 + 0.2·5)/0.5 = 4
        assertEquals(-0.92, score.momentum(), EPS);
        assertEquals(4, score.trendScore(), EPS);
        assertSumsToTrend(score);
        assertEquals(Stage.HOLD, score.stage());
    }

    @Test
    void unweightedSignalsAreShownButIgnored() {
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(
                component(TOPIC, 0, 0.1, 50.0, 0.1),
                component(JOBS, 0, 0.2, 100.0, 0.9)), MethodV1.BALANCED, 0.5);
        Score.SignalContribution jobs = contribution(score, JOBS);
        assertEquals(0.0, jobs.weight());
        assertEquals(0.0, jobs.weightUsed());
        assertEquals(0.0, jobs.popularityShare());
        assertEquals(0.0, jobs.momentumShare());
        assertEquals(0.0, jobs.trendContribution());
        assertEquals(50, score.popularity(), EPS);
        assertEquals(0.1, score.momentum(), EPS);
        assertEquals(0.3, score.coverage(), EPS, "job_postings has no default weight, so it adds no coverage");
    }

    @Test
    void onlyUnweightedSignalsGiveNoScore() {
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(component(JOBS, 0, 0.2, 100.0, 0.5)), MethodV1.BALANCED, 0.5);
        assertNull(score.popularity());
        assertNull(score.momentum());
        assertNull(score.trendScore());
        assertNull(contribution(score, JOBS).popularityShare());
        assertEquals(0.0, score.coverage());
    }

    @Test
    void coverageIgnoresTheWeightsAskedFor() {
        // with the jobs preset only job_postings counts, but coverage still measures the default weight present
        List<SignalComponent> components = List.of(
                component(SEARCH, 0, 0.1, 50.0, 0.1),
                component(QA, 0, 0.1, 70.0, 0.1),
                component(JOBS, 0, 0.1, 30.0, 0.2));
        Score jobs = MethodV1.INSTANCE.score(TECHNOLOGY, Q, components, MethodV1.INSTANCE.preset("jobs").weights(), 0.5);
        assertEquals(30, jobs.popularity(), EPS);
        assertEquals(0.2, jobs.momentum(), EPS);
        assertEquals(0.4, jobs.coverage(), EPS);
        assertEquals(Confidence.MEDIUM, jobs.confidence());
        assertEquals(0.4, MethodV1.INSTANCE.score(TECHNOLOGY, Q, components, MethodV1.INSTANCE.preset("learners").weights(), 0.5).coverage(), EPS);
        Score developers = MethodV1.INSTANCE.score(TECHNOLOGY, Q, components, MethodV1.INSTANCE.preset("developers").weights(), 0.5);
        assertNull(developers.popularity());
        assertEquals(0.4, developers.coverage(), EPS);
    }

    @Test
    void fullCoverageIsHigh() {
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(
                component(TOPIC, 0, 0.1, 100.0, 0.1), component(LANGUAGE, 0, 0.1, 100.0, 0.1),
                component(SEARCH, 0, 0.1, 100.0, 0.1), component(QA, 0, 0.1, 100.0, 0.1)), MethodV1.BALANCED, 0.5);
        assertEquals(1.0, score.coverage(), EPS);
        assertEquals(Confidence.HIGH, score.confidence());
        assertEquals(100, score.popularity(), EPS);
    }

    @Test
    void momentumWeightMovesTheTrendBetweenPopularityAndMomentum() {
        List<SignalComponent> components = List.of(component(TOPIC, 0, 0.1, 80.0, LN2 / 2));
        // α = 0: T = P; α = 1: T = 50 + 50·0.5 = 75
        assertEquals(80, MethodV1.INSTANCE.score(TECHNOLOGY, Q, components, MethodV1.BALANCED, 0).trendScore(), EPS);
        assertEquals(75, MethodV1.INSTANCE.score(TECHNOLOGY, Q, components, MethodV1.BALANCED, 1).trendScore(), EPS);
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, components, MethodV1.BALANCED, 0.2);
        assertEquals(0.8 * 80 + 0.2 * 75, score.trendScore(), EPS);
        assertEquals(0.2, score.momentumWeight());
        assertSumsToTrend(score);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesMomentumWeightOutsideZeroToOne(double momentumWeight) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(), MethodV1.BALANCED, momentumWeight));
        assertTrue(error.getMessage().contains("momentumWeight must be between 0 and 1"));
    }

    @Test
    void refusesComponentsOfAnotherTechnologyOrQuarterAndRepeatedSignals() {
        assertThrows(IllegalArgumentException.class, () -> MethodV1.INSTANCE.score("java", Q,
                List.of(component(TOPIC, 0, 0.1, 50.0, null)), MethodV1.BALANCED, 0.5));
        assertThrows(IllegalArgumentException.class, () -> MethodV1.INSTANCE.score(TECHNOLOGY, Q.plus(1),
                List.of(component(TOPIC, 0, 0.1, 50.0, null)), MethodV1.BALANCED, 0.5));
        assertThrows(IllegalArgumentException.class, () -> MethodV1.INSTANCE.score(TECHNOLOGY, Q,
                List.of(component(TOPIC, 0, 0.1, 50.0, null), component(TOPIC, 1, 0.1, 50.0, null)),
                MethodV1.BALANCED, 0.5));
    }

    @Test
    void breakdownIsSortedBySignal() {
        Score score = MethodV1.INSTANCE.score(TECHNOLOGY, Q, List.of(component(TOPIC, 0, 0.1, 50.0, null),
                component(QA, 0, 0.1, 50.0, null), component(SEARCH, 0, 0.1, 50.0, null)), MethodV1.BALANCED, 0.5);
        assertEquals(List.of(TOPIC, QA, SEARCH),
                score.signals().stream().map(Score.SignalContribution::signal).toList());
    }

    @ParameterizedTest(name = "P={0}, M={1} → {2}")
    @CsvSource(nullValues = "null", value = {
        "50,        -0.10536051565782628, ADOPT",   // exactly ln 0.9
        "100,       -0.1054,              HOLD",    // shrinking more than 10 %: not adopt, and M < 0
        "49.999999, 0.5,                  TRIAL",
        "10,        0.13976194237515863,  TRIAL",   // exactly ln 1.15
        "10,        0.1397,               ASSESS",
        "10,        0,                    ASSESS",
        "10,        -1e-12,               HOLD",
        "80,        null,                 null",
    })
    void stagesFirstMatchWins(Double popularity, Double momentum, Stage expected) {
        assertEquals(expected, Stage.of(popularity, momentum));
    }

    @Test
    void stageThresholdsAreThoseOfTheDesign() {
        assertEquals(Math.log(0.9), Stage.ADOPT_MIN_MOMENTUM);
        assertEquals(Math.log(1.15), Stage.TRIAL_MIN_MOMENTUM);
        assertEquals(0, Stage.ASSESS_MIN_MOMENTUM);
        assertEquals(50, Stage.ADOPT_MIN_POPULARITY);
        assertEquals("adopt", Stage.ADOPT.label());
    }

    @ParameterizedTest
    @CsvSource({"0, 3, LOW", "0.2499, 3, LOW", "0.25, 3, MEDIUM", "0.5999, 3, MEDIUM", "0.6, 3, HIGH", "1, 3, HIGH",
            "0.6, 2, HIGH", "0.6, 1, LOW", "1, 1, LOW", "0.3, 0, LOW"})
    void confidenceFromCoverageAndTheNumberOfSignals(double coverage, int signals, Confidence expected) {
        assertEquals(expected, Confidence.of(coverage, signals));
    }

    @Test
    void publishesItsParameters() {
        Map<String, Object> parameters = MethodV1.INSTANCE.description().parameters();
        assertEquals("v1", parameters.get("version"));
        assertEquals(0.5, parameters.get("defaultMomentumWeight"));
        assertEquals(4, parameters.get("stalenessHalfLifeQuarters"));
        assertEquals(8, parameters.get("maxAgeQuarters"));
        assertEquals(MethodV1.BALANCED.bySignal(), ((Map<?, ?>) parameters.get("presets")).get("balanced"));
        assertEquals(0.25, ((Map<?, ?>) parameters.get("confidenceThresholds")).get("lowBelowCoverage"));
        assertEquals(2, ((Map<?, ?>) parameters.get("confidenceThresholds")).get("lowBelowSignals"));
        assertEquals(Math.log(1.15), ((Map<?, ?>) parameters.get("stageThresholds")).get("trialMinMomentum"));
    }

    private static void assertSumsToTrend(Score score) {
        double sum = score.momentumWeight() * 50;
        for (Score.SignalContribution contribution : score.signals()) {
            sum += contribution.trendContribution();
        }
        assertEquals(score.trendScore(), sum, EPS);
    }

    private static Score.SignalContribution contribution(Score score, String signal) {
        return score.signals().stream().filter(c -> c.signal().equals(signal)).findFirst().orElseThrow();
    }

    private static SignalComponent component(String signal, int age, Double level, Double normalisedLevel,
                                             Double growth) {
        return new SignalComponent(signal, TECHNOLOGY, Q, Q.minus(age), level, normalisedLevel, growth);
    }
}
