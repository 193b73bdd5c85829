package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WeightsTest {

    private static final Set<String> KNOWN = Set.of("github_topic_developers",
            "github_language_developers", "search_interest", "qa_questions",
            "job_postings");

    @Test
    void presetsOfV1AreThoseOfTheDesign() {
        ScoringMethod v1 = MethodV1.INSTANCE;
        assertEquals(Map.of("github_topic_developers", 0.30, "github_language_developers", 0.30,
                "search_interest", 0.20, "qa_questions", 0.20, "job_postings", 0.0), MethodV1.BALANCED.bySignal());
        assertEquals(1.0, MethodV1.BALANCED.total(), 1e-12);
        assertEquals(Map.of("github_topic_developers", 0.5, "github_language_developers", 0.5),
                v1.preset("developers").weights().bySignal());
        assertEquals(Map.of("search_interest", 0.5, "qa_questions", 0.5), v1.preset("learners").weights().bySignal());
        assertEquals(Map.of("job_postings", 1.0), v1.preset("jobs").weights().bySignal());
        assertEquals(List.of("balanced", "developers", "learners", "jobs"),
                v1.presets().stream().map(Preset::name).toList());
        assertSame(MethodV1.BALANCED, v1.defaultPreset().weights());
        assertSame(MethodV1.BALANCED, v1.preset("balanced").weights());
        assertSame(v1.presets(), MethodV2.INSTANCE.presets(), "v2 keeps v1's presets");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Balanced", "hype", "balanced,jobs"})
    void refusesUnknownPresets(String name) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MethodV1.INSTANCE.preset(name));
        assertTrue(error.getMessage().contains("unknown preset '" + name + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("balanced, developers, learners, jobs"), error.getMessage());
    }

    @Test
    void parsesPairs() {
        Weights weights = Weights.parse("github_topic_developers:0.5,search_interest:1", KNOWN);
        assertEquals(Map.of("github_topic_developers", 0.5, "search_interest", 1.0), weights.bySignal());
        assertEquals(0.5, weights.weightOf("github_topic_developers"));
        assertEquals(0.0, weights.weightOf("qa_questions"), "a signal not mentioned weighs 0");
        assertEquals(0.0, weights.weightOf("no_such_signal"));
    }

    @Test
    void acceptsSpacesPlainDecimalsAndZeroBesidePositive() {
        Weights weights = Weights.parse(" qa_questions : .25 , search_interest:+2, job_postings:1e-1,"
                + "github_topic_developers:0 ", KNOWN);
        assertEquals(0.25, weights.weightOf("qa_questions"));
        assertEquals(2.0, weights.weightOf("search_interest"));
        assertEquals(0.1, weights.weightOf("job_postings"), 1e-15);
        assertEquals(0.0, weights.weightOf("github_topic_developers"));
        assertEquals(Weights.parse("search_interest:1", KNOWN), Weights.parse("search_interest:1.0", KNOWN));
    }

    /** A bad weights text, and the part of the message that names what is wrong with it. */
    static Stream<Arguments> badWeights() {
        return Stream.of(
                arguments("popularity:1", "unknown signal 'popularity'"),
                arguments("search_interest:1,Search_Interest:1", "unknown signal 'Search_Interest'"),
                arguments("search_interest:-1", "must not be negative, got '-1'"),
                arguments("search_interest:-0.5,qa_questions:1", "must not be negative, got '-0.5'"),
                arguments("search_interest:abc", "weight of 'search_interest' is not a number: 'abc'"),
                arguments("search_interest:1d", "is not a number: '1d'"),
                arguments("search_interest:0x10", "is not a number: '0x10'"),
                // a decimal comma splits the pair: "5" is then a pair of its own
                arguments("search_interest:1,5", "'5' is not a signal:weight pair"),
                arguments("search_interest:NaN", "must be a finite number, got 'NaN'"),
                arguments("search_interest:Infinity", "must be a finite number, got 'Infinity'"),
                arguments("search_interest:-inf", "must be a finite number, got '-inf'"),
                arguments("search_interest:1e999", "must be a finite number, got '1e999' (too large)"),
                arguments("search_interest:1,search_interest:2", "signal 'search_interest' is given more than once"),
                arguments("search_interest:0", "at least one weight must be greater than 0"),
                arguments("search_interest:0,qa_questions:0.0", "at least one weight must be greater than 0"),
                arguments("search_interest", "'search_interest' is not a signal:weight pair"),
                arguments("search_interest=1", "'search_interest=1' is not a signal:weight pair"),
                arguments("search_interest:1:2", "'search_interest:1:2' is not a signal:weight pair"),
                arguments(":1", "':1' has no signal before the ':'"),
                arguments("search_interest:", "signal 'search_interest' has no weight after the ':'"),
                arguments("search_interest:1,", "pair 2 is empty"),
                arguments(",search_interest:1", "pair 1 is empty"),
                arguments("search_interest:1,,qa_questions:1", "pair 2 is empty")
        );
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badWeights")
    void refusesBadWeightsNamingTheOffendingPart(String spec, String expectedReason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Weights.parse(spec, KNOWN));
        assertTrue(error.getMessage().contains(expectedReason), () -> "message was: " + error.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesEmptyWeights(String spec) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Weights.parse(spec, KNOWN));
        assertTrue(error.getMessage().contains("weights are empty"), error.getMessage());
    }

    @Test
    void unknownSignalMessageListsTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Weights.parse("stars:1", Set.of("search_interest", "qa_questions")));
        assertTrue(error.getMessage().endsWith("known signals: qa_questions, search_interest"), error.getMessage());
    }

    @Test
    void constructorRefusesInvalidMaps() {
        assertThrows(IllegalArgumentException.class, () -> new Weights(Map.of("a", -1.0, "b", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> new Weights(Map.of("a", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new Weights(Map.of("a", Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> new Weights(Map.of("a", 0.0)));
        assertThrows(IllegalArgumentException.class, () -> new Weights(Map.of()));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(IllegalArgumentException.class, () -> new Weights(withNull));
    }

    @Test
    void isImmutable() {
        Map<String, Double> source = new HashMap<>(Map.of("a", 1.0));
        Weights weights = new Weights(source);
        source.put("a", 5.0);
        assertEquals(1.0, weights.weightOf("a"));
        assertThrows(UnsupportedOperationException.class, () -> weights.bySignal().put("b", 1.0));
    }

    @Test
    void aPresetRefinedKeepsWhatIsNotNamedAndTakesOutWhatIsZero() {
        Preset learners = MethodV1.INSTANCE.preset("learners"); // search_interest 0.5, qa_questions 0.5
        assertEquals(Map.of("search_interest", 2.0, "qa_questions", 0.5),
                Weights.refine(learners, "search_interest:2", KNOWN).bySignal());
        assertEquals(Map.of("search_interest", 0.5, "qa_questions", 0.0, "job_postings", 1.0),
                Weights.refine(learners, "qa_questions:0, job_postings:1", KNOWN).bySignal());
        assertEquals(learners.weights(), Weights.refine(learners, "search_interest:0.5", KNOWN));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Weights.refine(learners, "search_interest:0,qa_questions:0", KNOWN));
        assertEquals("weights: 'search_interest:0,qa_questions:0' leaves no weight above 0 in preset learners",
                none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Weights.refine(learners, "stars:1", KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Weights.refine(learners, "search_interest:-1", KNOWN));
    }
}
