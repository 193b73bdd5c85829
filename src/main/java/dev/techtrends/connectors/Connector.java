package dev.techtrends.connectors;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.signals.SignalFeed;
import io.smallrye.mutiny.Multi;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A job that fetches one signal's monthly values from a live public API. It only fetches and shapes; storing,
 * bookkeeping, locking and scheduling are {@link ConnectorService}'s, the same for every connector.
 */
public interface Connector extends SignalFeed {

    /** Its name in URLs and configuration, e.g. {@code stackexchange}. */
    @Override
    String name();

    /** The signal it writes (the first, when it writes several). */
    String signal();

    /** Every signal it writes. */
    @Override
    default List<String> signals() {
        return List.of(signal());
    }

    TechTrendsConfig.Connector config();

    /**
     * Whether every month from the first configured is fetched again on each run (a source that recomputes its whole
     * history), rather than the missing ones and the newest few.
     */
    default boolean refetchesEverything() {
        return false;
    }

    /**
     * The values of the given complete months, one {@link PeriodValues} per month in order, each complete or
     * rejected. Fails with {@link QuotaExhaustedException} to stop a run cleanly, or with the source's error.
     *
     * @param months     complete months, ascending
     * @param sourceKeys the signal's source keys (tags, titles) as the catalogue maps them
     * @param requests   the only way to call the API: one request at a time, politely
     */
    Multi<PeriodValues> fetch(List<YearMonth> months, List<String> sourceKeys, Requests requests);

    /**
     * {@link #fetch} for a connector of several signals, with each signal's source keys; a connector of one signal
     * need not override it.
     */
    default Multi<PeriodValues> fetch(List<YearMonth> months, Map<String, List<String>> sourceKeysBySignal,
                                      Requests requests) {
        return fetch(months, sourceKeysBySignal.get(signal()), requests);
    }
}
