package dev.techtrends.connectors;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which months a connector's run asks for, as a pure function of the clock's instant: complete months only (a month
 * is complete once the next one has begun in UTC), from the first configured, each missing one plus the newest
 * {@value #REFETCHED_MONTHS} again, since the sources revise them.
 */
final class MonthPlan {

    /** The newest complete months are fetched again on every run: the sources revise them. */
    static final int REFETCHED_MONTHS = 3;

    private MonthPlan() {
    }

    /** The newest month that has ended at this instant, in UTC. */
    static YearMonth lastComplete(Instant now) {
        return YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1);
    }

    /**
     * The months to fetch, ascending: from {@code first} to {@code lastComplete}, those not stored and the newest
     * {@value #REFETCHED_MONTHS} again, or all of them for a source that recomputes its whole history.
     */
    static List<YearMonth> months(YearMonth first, YearMonth lastComplete, Set<YearMonth> stored,
                                  boolean refetchesEverything) {
        YearMonth refetchedFrom = lastComplete.minusMonths(REFETCHED_MONTHS - 1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(lastComplete); month = month.plusMonths(1)) {
            if (refetchesEverything || !stored.contains(month) || !month.isBefore(refetchedFrom)) {
                months.add(month);
            }
        }
        return months;
    }
}
