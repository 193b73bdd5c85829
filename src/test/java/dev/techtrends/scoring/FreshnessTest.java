package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The freshness rule on its own: complete and partial periods, the expected update, overdue after the grace. */
class FreshnessTest {

    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @Test
    void aMonthWithoutLagIsPartialWhileItRunsAndCompleteOnceItHasEnded() {
        assertFalse(Freshness.isComplete(NOVEMBER, Granularity.MONTH, 0, LocalDate.of(2026, 11, 30)));
        assertTrue(Freshness.isComplete(NOVEMBER, Granularity.MONTH, 0, LocalDate.of(2026, 12, 1)));
        assertEquals(OCTOBER, Freshness.newestCompleteStart(Granularity.MONTH, 0, LocalDate.of(2026, 11, 15)));

        Freshness held = Freshness.of(Granularity.MONTH, 0, NOVEMBER, OCTOBER, LocalDate.of(2026, 11, 15));
        assertEquals(OCTOBER, held.newestComplete());
        assertEquals(NOVEMBER, held.newestPartial());
        assertEquals(LocalDate.of(2026, 12, 1), held.expectedNextUpdate(), "when November has ended");
        assertFalse(held.overdue());
    }

    @Test
    void aMonthlySignalIsOverdueOnlyAfterTheGraceDays() {
        // newest complete 2026-10: November is expected on 2026-12-01, overdue after 7 days of grace
        assertFalse(Freshness.of(Granularity.MONTH, 0, OCTOBER, OCTOBER, LocalDate.of(2026, 12, 8)).overdue());
        Freshness late = Freshness.of(Granularity.MONTH, 0, OCTOBER, OCTOBER, LocalDate.of(2026, 12, 9));
        assertTrue(late.overdue());
        assertNull(late.newestPartial());
        assertEquals(LocalDate.of(2026, 12, 1), late.expectedNextUpdate());
    }

    @Test
    void aPeriodWithAPublicationLagIsCompleteOnceTheLagHasPassed() {
        LocalDate edition2024 = LocalDate.of(2024, 1, 1);
        // a survey edition (yearly, 6 months' lag) is published once, in July of its year
        assertFalse(Freshness.isComplete(edition2024, Granularity.YEAR, 6, LocalDate.of(2024, 6, 30)));
        assertTrue(Freshness.isComplete(edition2024, Granularity.YEAR, 6, LocalDate.of(2024, 7, 1)));
        assertEquals(LocalDate.of(2023, 1, 1), Freshness.newestCompleteStart(Granularity.YEAR, 6,
                LocalDate.of(2024, 6, 30)));

        Freshness survey = Freshness.of(Granularity.YEAR, 6, edition2024, edition2024, LocalDate.of(2025, 9, 29));
        assertEquals(LocalDate.of(2025, 7, 1), survey.expectedNextUpdate(), "the 2025 edition, in July 2025");
        assertFalse(survey.overdue(), "90 days of grace for a yearly signal");
        assertTrue(Freshness.of(Granularity.YEAR, 6, edition2024, edition2024, LocalDate.of(2025, 9, 30)).overdue());
    }

    @Test
    void aQuarterWithoutLagIsCompleteOnceItHasEnded() {
        LocalDate q3 = LocalDate.of(2026, 7, 1);
        assertEquals(q3, Freshness.newestCompleteStart(Granularity.QUARTER, 0, LocalDate.of(2026, 11, 15)));
        Freshness github = Freshness.of(Granularity.QUARTER, 0, q3, q3, LocalDate.of(2026, 11, 15));
        assertEquals(LocalDate.of(2027, 1, 1), github.expectedNextUpdate());
        assertEquals("2026-Q3", Freshness.label(github.newestComplete(), Granularity.QUARTER));
        assertEquals("2026-10", Freshness.label(OCTOBER, Granularity.MONTH));
        assertEquals("2024", Freshness.label(LocalDate.of(2024, 1, 1), Granularity.YEAR));
    }

    @Test
    void nothingHeldExpectsNothingAndIsNotOverdue() {
        Freshness none = Freshness.of(Granularity.MONTH, 0, null, null, LocalDate.of(2026, 11, 15));
        assertNull(none.newestComplete());
        assertNull(none.newestPartial());
        assertNull(none.expectedNextUpdate());
        assertFalse(none.overdue());
        assertFalse(none.overdueFor(Quarter.parse("2026-Q4")));
    }

    @Test
    void anOverdueValueCountsInScoresOfTheQuarterItBelongsToAndLater() {
        // newest complete 2026-07, August overdue: it belongs to 2026-Q3
        Freshness late = Freshness.of(Granularity.MONTH, 0, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 11, 15));
        assertTrue(late.overdue());
        assertTrue(late.overdueFor(Quarter.parse("2026-Q3")));
        assertTrue(late.overdueFor(Quarter.parse("2026-Q4")));
        assertFalse(late.overdueFor(Quarter.parse("2026-Q2")), "an earlier quarter has all its values");
    }
}
