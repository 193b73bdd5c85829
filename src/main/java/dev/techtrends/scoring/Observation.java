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
 *                    total), so the growth of the source itself cancels out; never negative
 */
public record Observation(String signal, String technology, LocalDate periodStart, Granularity granularity,
                          double value) {

    public Observation {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(granularity, "granularity");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("value of " + signal + "/" + technology + " at " + periodStart
                    + " must be a finite share >= 0, got " + value);
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

    /** The quarter the period starts in (for a yearly value, when it becomes known is the method's rule). */
    public Quarter quarter() {
        return Quarter.of(periodStart);
    }
}
