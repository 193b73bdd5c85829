package dev.techtrends.scoring;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How current a signal's data is, as a pure function of its own metadata (native granularity, publication lag), the
 * newest periods held and today's date (UTC, from the injected clock). The rules:
 * <ul>
 * <li>A period is <b>complete</b> once its value is final: a signal without publication lag counts a period while it
 * runs (the current month of a monthly signal), so the period is complete once it has ended; a signal with a lag of
 * {@code n} months publishes a period's value once, {@code n} months after the period starts (a survey edition of
 * 2024 in July 2024), so the period is complete from then on. Before that a held period is <b>partial</b>.</li>
 * <li>The <b>next update</b> is expected when the period after the newest complete one becomes complete.</li>
 * <li>A signal is <b>overdue</b> when today is more than a grace period past that date: 7 days for a monthly signal,
 * 30 for a quarterly, 90 for a yearly one (sources publish a few days late and connectors run once a month).</li>
 * <li>A signal with no complete period held has no expected update and is not overdue: there is nothing it is late
 * after (its connector's last run says why).</li>
 * </ul>
 *
 * @param newestComplete     start of the newest complete period held, or null
 * @param newestPartial      start of a held period newer than that, still partial, or null
 * @param expectedNextUpdate when the period after {@code newestComplete} becomes complete, or null
 * @param overdue            whether today is past {@code expectedNextUpdate} by more than the grace period
 */
public record Freshness(Granularity granularity, LocalDate newestComplete, LocalDate newestPartial,
        LocalDate expectedNextUpdate, boolean overdue) {

    /**
     * The freshness of a signal.
     *
     * @param newestHeld start of the newest period held in the signal's native granularity, or null
     * @param newestCompleteHeld start of the newest held period that is complete today, or null; equal to
     *                           {@code newestHeld} when that one is complete (see {@link #newestCompleteStart})
     */
    public static Freshness of(Granularity granularity, int publicationLagMonths, LocalDate newestHeld,
            LocalDate newestCompleteHeld, LocalDate today) {
        LocalDate partial = newestHeld != null && !isComplete(newestHeld, granularity, publicationLagMonths, today)
                ? newestHeld : null;
        if (newestCompleteHeld == null) {
            return new Freshness(granularity, null, partial, null, false);
        }
        LocalDate expected = completeFrom(next(newestCompleteHeld, granularity), granularity, publicationLagMonths);
        boolean overdue = today.isAfter(expected.plusDays(graceDays(granularity)));
        return new Freshness(granularity, newestCompleteHeld, partial, expected, overdue);
    }

    /**
     * Whether the overdue value would count in a score of this quarter: the signal is overdue and the period it is
     * late with starts before the quarter ends (a score of an earlier quarter has every value it will ever get).
     */
    public boolean overdueFor(Quarter quarter) {
        return overdue && next(newestComplete, granularity).isBefore(quarter.plus(1).start());
    }

    /** The day a period's value is final: its end without a publication lag, its start plus the lag with one. */
    public static LocalDate completeFrom(LocalDate periodStart, Granularity granularity, int publicationLagMonths) {
        return publicationLagMonths > 0 ? periodStart.plusMonths(publicationLagMonths) : next(periodStart, granularity);
    }

    public static boolean isComplete(LocalDate periodStart, Granularity granularity, int publicationLagMonths,
            LocalDate today) {
        return !completeFrom(periodStart, granularity, publicationLagMonths).isAfter(today);
    }

    /**
     * The newest period start that is complete today: every held period up to it is complete, every later one
     * partial (a read that finds the newest held period partial looks for the newest complete one up to this).
     */
    public static LocalDate newestCompleteStart(Granularity granularity, int publicationLagMonths, LocalDate today) {
        LocalDate start = start(today, granularity);
        while (!isComplete(start, granularity, publicationLagMonths, today)) {
            start = previous(start, granularity);
        }
        return start;
    }

    /** Days after the expected update before a signal counts as overdue. */
    public static int graceDays(Granularity granularity) {
        return switch (granularity) {
            case MONTH -> 7;
            case QUARTER -> 30;
            case YEAR -> 90;
        };
    }

    /** A period as people write it: {@code 2026-10}, {@code 2026-Q3}, {@code 2024}; null for null. */
    public static String label(LocalDate periodStart, Granularity granularity) {
        if (periodStart == null) {
            return null;
        }
        return switch (granularity) {
            case MONTH -> periodStart.format(DateTimeFormatter.ofPattern("uuuu-MM"));
            case QUARTER -> Quarter.of(periodStart).toString();
            case YEAR -> String.valueOf(periodStart.getYear());
        };
    }

    /** Start of the period of this granularity that holds the day. */
    static LocalDate start(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> Quarter.of(day).start();
            case YEAR -> day.withDayOfYear(1);
        };
    }

    static LocalDate next(LocalDate periodStart, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> periodStart.plusMonths(1);
            case QUARTER -> periodStart.plusMonths(3);
            case YEAR -> periodStart.plusYears(1);
        };
    }

    static LocalDate previous(LocalDate periodStart, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> periodStart.minusMonths(1);
            case QUARTER -> periodStart.minusMonths(3);
            case YEAR -> periodStart.minusYears(1);
        };
    }
}
