package dev.techtrends.rankings;

import dev.techtrends.scoring.Freshness;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.web.cache.Reads;
import dev.techtrends.web.cache.VersionedCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every signal's {@link Freshness} today (the injected clock's UTC date). On this floor so that scores (which flag an
 * overdue input) and the sources read and page (on the floors above) share one read and one rule.
 */
@ApplicationScoped
public class SignalFreshnessReads {

    /** A signal's cadence, as its own metadata says, and how current its data is. */
    public record SignalFreshness(String signal, Granularity granularity, int publicationLagMonths,
            Freshness freshness) {
    }

    private final Reads reads;
    private final Clock clock;
    private final VersionedCache cache;

    public SignalFreshnessReads(Reads reads, Clock clock, VersionedCache cache) {
        this.reads = reads;
        this.clock = clock;
        this.cache = cache;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Every signal by key, in key order. One statement reads each signal's newest period held (a backward scan of
     * observation_signal_idx per signal); only when that period is still partial (a current month uploaded) does a
     * second one look for the newest complete period, up to the cut-off the rule gives. Kept per data version and
     * day: every uncached score reads it.
     */
    public Uni<Map<String, SignalFreshness>> all() {
        LocalDate today = today();
        return cache.loaded("signal-freshness-" + today, () -> read(today));
    }

    private Uni<Map<String, SignalFreshness>> read(LocalDate today) {
        return reads.run(pool -> pool.preparedQuery("""
                        select g.key, g.native_granularity, g.publication_lag_months,
                          (select max(o.period_start) from observation o
                           where o.signal_key = g.key and o.granularity = g.native_granularity) as newest
                        from signal g order by g.key""").execute())
                .chain(rows -> {
                    List<Held> held = new ArrayList<>();
                    rows.forEach(row -> held.add(Held.of(row)));
                    List<Held> partial = held.stream().filter(signal -> signal.newest() != null
                            && !Freshness.isComplete(signal.newest(), signal.granularity(), signal.lag(), today))
                            .toList();
                    return newestComplete(partial, today).map(completeOfPartial -> {
                        Map<String, SignalFreshness> bySignal = new LinkedHashMap<>();
                        for (Held signal : held) {
                            LocalDate complete = completeOfPartial.containsKey(signal.key())
                                    ? completeOfPartial.get(signal.key()) : signal.newest();
                            bySignal.put(signal.key(), new SignalFreshness(signal.key(), signal.granularity(),
                                    signal.lag(), Freshness.of(signal.granularity(), signal.lag(), signal.newest(),
                                    complete, today)));
                        }
                        return bySignal;
                    });
                });
    }

    /** The newest complete period held of each signal whose newest is partial (a null value: none). */
    private Uni<Map<String, LocalDate>> newestComplete(List<Held> partial, LocalDate today) {
        if (partial.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return reads.run(pool -> pool.preparedQuery("""
                        select c.key, (select max(o.period_start) from observation o
                                       where o.signal_key = c.key and o.granularity = c.granularity
                                         and o.period_start <= c.cutoff) as newest_complete
                        from unnest($1::text[], $2::text[], $3::date[]) as c (key, granularity, cutoff)""")
                .execute(Tuple.of(partial.stream().map(Held::key).toArray(String[]::new),
                        partial.stream().map(signal -> signal.granularity().label()).toArray(String[]::new),
                        partial.stream().map(signal -> Freshness.newestCompleteStart(signal.granularity(),
                                signal.lag(), today)).toArray(LocalDate[]::new))))
                .map(rows -> {
                    Map<String, LocalDate> bySignal = new HashMap<>();
                    rows.forEach(row -> bySignal.put(row.getString("key"), row.getLocalDate("newest_complete")));
                    return bySignal;
                });
    }

    private record Held(String key, Granularity granularity, int lag, LocalDate newest) {
        static Held of(Row row) {
            return new Held(row.getString("key"), Granularity.of(row.getString("native_granularity")),
                    row.getInteger("publication_lag_months"), row.getLocalDate("newest"));
        }
    }
}
