package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodV2Test {

    private static Observation quarterly(String signal, String technology, String quarter, double value) {
        return new Observation(signal, technology, Quarter.parse(quarter).start(), Granularity.QUARTER, value);
    }

    private static List<Observation> monthly(String signal, String technology, LocalDate from, LocalDate through) {
        List<Observation> observations = new ArrayList<>();
        for (LocalDate month = from; !month.isAfter(through); month = month.plusMonths(1)) {
            observations.add(new Observation(signal, technology, month, Granularity.MONTH, 0.1));
        }
        return observations;
    }

    @Test
    void defaultAsOfNeedsHalfTheDefaultWeightFresh() {
        // topics 0.3 until 2025-Q3, languages 0.3 until 2024-Q1, search 0.2 until 2026-Q2, Q&A 0.2 until 2025-Q4.
        List<Observation> observations = new ArrayList<>();
        observations.add(quarterly("github_topic_developers", "a", "2025-Q3", 0.1));
        observations.add(quarterly("github_language_developers", "a", "2024-Q1", 0.1));
        observations.addAll(monthly("search_interest", "a", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)));
        observations.addAll(monthly("qa_questions", "a", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 1)));
        // v1 takes 2026-Q2, where search alone (0.2) is complete. v2 counts, for each candidate quarter, the signals
        // whose newest complete quarter is at or after it: 2026-Q2 -> 0.2, 2025-Q4 -> 0.2 + 0.2 = 0.4,
        // 2025-Q3 -> 0.3 + 0.2 + 0.2 = 0.7 >= 0.5 of the total 1.0.
        assertEquals(Quarter.parse("2026-Q2"), MethodV1.INSTANCE.defaultAsOf(observations).orElseThrow());
        assertEquals(Quarter.parse("2025-Q3"), MethodV2.INSTANCE.defaultAsOf(observations).orElseThrow());
    }

    @Test
    void defaultAsOfWithOnlyUnweightedSignalsIsEmpty() {
        List<Observation> jobs = monthly("job_postings", "a", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1));
        assertEquals(Quarter.parse("2024-Q1"), MethodV1.INSTANCE.defaultAsOf(jobs).orElseThrow());
        assertEquals(Optional.empty(), MethodV2.INSTANCE.defaultAsOf(jobs));
    }

    @Test
    void coverageIsTheUsedWeightOverTheAskedWeight() {
        // One technology, topics fresh (weight 0.3) and languages 6 quarters old (0.3 * 0.5^1.5 = 0.10607).
        List<SignalComponent> components = List.of(
                new SignalComponent("github_topic_developers", "a", Quarter.parse("2025-Q3"),
                        Quarter.parse("2025-Q3"), 0.02, 100.0, 0.1),
                new SignalComponent("github_language_developers", "a", Quarter.parse("2025-Q3"),
                        Quarter.parse("2024-Q1"), 0.03, 100.0, 0.2));
        Quarter q = Quarter.parse("2025-Q3");
        Score v1 = MethodV1.INSTANCE.score("a", q, components, MethodV1.BALANCED, 0.5);
        assertEquals(0.6, v1.coverage(), 1e-12);
        Score v2 = MethodV2.INSTANCE.score("a", q, components, MethodV1.BALANCED, 0.5);
        assertEquals((0.3 + 0.3 * Math.pow(0.5, 1.5)) / 1.0, v2.coverage(), 1e-12);
        assertEquals(Confidence.MEDIUM, v2.confidence());
        assertEquals(v1.trendScore(), v2.trendScore());
        assertEquals(v1.stage(), v2.stage());

        // preset=jobs on a technology with no job data: v1 says nothing about the weights asked, v2 says 0.
        Weights jobs = MethodV2.INSTANCE.preset("jobs").weights();
        assertEquals(0.0, MethodV2.INSTANCE.score("a", q, components, jobs, 0.5).coverage(), 1e-12);
        Weights topicsOnly = Weights.parse("github_topic_developers:1", Set.of("github_topic_developers"));
        assertEquals(1.0, MethodV2.INSTANCE.score("a", q, components, topicsOnly, 0.5).coverage(), 1e-12);
    }
}
