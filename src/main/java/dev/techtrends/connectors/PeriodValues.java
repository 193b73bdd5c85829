package dev.techtrends.connectors;

import dev.techtrends.signals.ingestion.IngestionRow;
import java.time.YearMonth;
import java.util.List;

/**
 * One month as a connector fetched it: every row of the month, or the reason it is rejected (then nothing of it is
 * stored).
 */
public record PeriodValues(YearMonth month, List<IngestionRow> rows, String rejectedBecause) {

    public static PeriodValues complete(YearMonth month, List<IngestionRow> rows) {
        return new PeriodValues(month, List.copyOf(rows), null);
    }

    public static PeriodValues rejected(YearMonth month, String because) {
        return new PeriodValues(month, List.of(), because);
    }

    public boolean isRejected() {
        return rejectedBecause != null;
    }
}
