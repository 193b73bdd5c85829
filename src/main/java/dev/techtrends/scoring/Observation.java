package dev.techtrends.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One value of a signal for a technology and period, as stored.
 *
 * @param signal      signal key, e.g. {@code search_interest}
 * @param technology  technology slug
 * @param periodStart first day of the month or quarter the value covers
 * @param granularity whether the value covers a month, a quarter or a year
 * @param value       a share of the source's whole universe in that period (a count divided by the source's
 *                    total), so the growth of the source itself cancels out, or a rate as published (percent of a
 *                    survey's respondents); never negative
 * @param publicationLagMonths months from the start of the period until the value was published (a survey edition
 *                    of 2024, published in July 2024: 6); 0 when it is known within its period
 * @param startsNewSeries the value is not comparable with the previous period's (the source changed a label or a
 *                    question): no growth is computed across it
 */
public record Observation(String signal, String technology, LocalDate periodStart, Granularity granularity,
                          double value, int publicationLagMonths, boolean startsNewSeries) {

    /** A value known within its period, comparable with the previous one. */
    public Observation(String signal, String technology, LocalDate periodStart, Granularity granularity,
                       double value) {
        this(signal, technology, periodStart, granularity, value, 0, false);
    }

    public Observation {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(granularity, "granularity");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("value of " + signal + "/" + technology + " at " + periodStart
                    + " must be a finite share >= 0, got " + value);
        }
        if (publicationLagMonths < 0) {
            throw new IllegalArgumentException("publicationLagMonths of " + signal + " must be >= 0, got "
                    + publicationLagMonths);
        }
        // A period that does not start on its first day would be silently assigned to a quarter; refuse it instead.
        boolean startsItsPeriod = switch (granularity) {
            case MONTH -> periodStart.getDayOfMonth() == 1;
            case QUARTER -> periodStart.equals(Quarter.of(periodStart).start());
            case YEAR -> periodStart.getDayOfYear() == 1;
        };
        if (!startsItsPeriod) {
            throw new IllegalArgumentException("periodStart " + periodStart + " of " + signal + "/" + technology
                    + " is not the first day of a " + granularity.name().toLowerCase());
        }
    }

    /** The quarter the period starts in. */
    public Quarter quarter() {
        return Quarter.of(periodStart);
    }

    /** The quarter the value was published in: the first in which a score may use it. */
    public Quarter publishedIn() {
        return Quarter.of(periodStart.plusMonths(publicationLagMonths));
    }
}
