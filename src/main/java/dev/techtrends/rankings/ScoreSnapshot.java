package dev.techtrends.rankings;

import dev.techtrends.catalogue.CatalogueLookup;
import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.Components;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a recompute computes from, read in one REPEATABLE READ snapshot (so the data version read is exactly the data
 * computed from) and grouped once for every method: the catalogue, the observations by category, the shares the
 * breakdowns show, the score debt and the stored runs.
 */
final class ScoreSnapshot {

    /** What a method's stored scores were computed with. */
    record StoredRun(LocalDate asOf, long dataVersion, String revision) {
    }

    /** The rows of the snapshot, as read. */
    /**
     * @param debt the categories whose stored scores predate the data, each with whether its members changed (then
     *             its scores are recomputed even if its components come out the same)
     */
    record Loaded(long dataVersion, Map<Long, Boolean> debt, List<TechnologyRef> technologies, List<Observation> observations,
            Map<String, ScoreView.Attribution> sourceBySignal, Map<String, StoredRun> runs) {
    }

    final Loaded loaded;
    final Map<Long, List<TechnologyRef>> byCategory = new HashMap<>();
    /** Each category's observations, grouped once: every method reads them. */
    final Map<Long, List<Observation>> observationsByCategory = new HashMap<>();
    final Map<String, TechnologyRef> bySlug = new HashMap<>();
    final ViewMapper.Context context;
    /** The first quarter any signal has complete (aligned) data for, or a yearly value is published in. */
    final Quarter firstQuarter;

    /** Groups what was read; CPU work, for a worker thread. */
    ScoreSnapshot(Loaded loaded) {
        this.loaded = loaded;
        loaded.technologies().forEach(t -> {
            byCategory.computeIfAbsent(t.categoryId(), c -> new ArrayList<>()).add(t);
            bySlug.put(t.slug(), t);
        });
        for (Observation observation : loaded.observations()) {
            observationsByCategory.computeIfAbsent(bySlug.get(observation.technology()).categoryId(),
                    c -> new ArrayList<>()).add(observation);
        }
        Map<ViewMapper.ShareKey, Double> shares = new HashMap<>();
        Map<Components.SeriesKey, NavigableMap<Quarter, Double>> aligned =
                Components.alignToQuarters(loaded.observations());
        aligned.forEach((key, values) -> values.forEach((quarter, value) ->
                shares.put(new ViewMapper.ShareKey(key.technology(), key.signal(), quarter), value)));
        Quarter first = null;
        for (NavigableMap<Quarter, Double> values : aligned.values()) {
            first = first == null || values.firstKey().isBefore(first) ? values.firstKey() : first;
        }
        for (Observation observation : loaded.observations()) {
            if (observation.granularity() == Granularity.YEAR) { // shown in the quarter it counts from
                shares.put(new ViewMapper.ShareKey(observation.technology(), observation.signal(),
                        observation.publishedIn()), observation.value());
                first = first == null || observation.publishedIn().isBefore(first) ? observation.publishedIn()
                        : first;
            }
        }
        firstQuarter = first;
        context = ViewMapper.Context.of(loaded.technologies(), loaded.sourceBySignal(), shares);
    }

    /** Reads the snapshot in a read-only REPEATABLE READ transaction. */
    static Uni<Loaded> read(Pool pool) {
        return pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> read(connection)));
    }

    private static Uni<Loaded> read(SqlConnection connection) {
        Uni<Long> version = connection.query("select version from data_version").execute()
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<Map<Long, Boolean>> debt = connection.query("select category_id, members_changed from score_debt").execute()
                .map(rows -> {
                    Map<Long, Boolean> categories = new HashMap<>();
                    rows.forEach(row -> categories.put(row.getLong(0), row.getBoolean(1)));
                    return categories;
                });
        Uni<List<TechnologyRef>> technologies = CatalogueLookup.technologiesFrom(connection);
        Uni<List<Observation>> observations = observationsFrom(connection);
        Uni<Map<String, ScoreView.Attribution>> sources = ScoreRepository.attributionsFrom(connection);
        Uni<Map<String, StoredRun>> runs = connection
                .query("select method_version, as_of, data_version, method_revision from score_run")
                .execute()
                .map(rows -> {
                    Map<String, StoredRun> stored = new HashMap<>();
                    rows.forEach(row -> stored.put(row.getString(0), new StoredRun(row.getLocalDate(1),
                            row.getLong(2), row.getString(3))));
                    return stored;
                });
        // One connection runs one statement at a time: chain, do not combine.
        return version.chain(v -> debt.chain(d -> technologies.chain(t -> observations.chain(o -> sources.chain(s ->
                runs.map(r -> new Loaded(v, d, t, o, s, r)))))));
    }

    /**
     * Every observation as the scoring methods take it: with its signal's publication lag and whether a series break
     * starts at it. Read through a cursor inside the caller's transaction (the recompute's snapshot), a batch at a
     * time: decoding and mapping millions of rows at once held the event loop for seconds (bench/scale).
     */
    static Uni<List<Observation>> observationsFrom(SqlConnection connection) {
        Map<String, String> canonical = new HashMap<>(); // one String per slug and signal key, not two per row
        return connection.prepare("""
                        select t.slug, o.signal_key, o.granularity, o.period_start, o.value, g.publication_lag_months,
                          b.period_start is not null as starts_new_series
                        from observation o join technology t on t.id = o.technology_id
                          join signal g on g.key = o.signal_key
                          left join series_break b on b.signal_key = o.signal_key
                            and b.technology_id = o.technology_id and b.period_start = o.period_start""")
                .onItem().transformToMulti(statement -> statement.createStream(OBSERVATION_BATCH).toMulti())
                .map(row -> new Observation(canonical.computeIfAbsent(row.getString("signal_key"), key -> key),
                        canonical.computeIfAbsent(row.getString("slug"), slug -> slug),
                        row.getLocalDate("period_start"), Granularity.of(row.getString("granularity")),
                        row.getDouble("value"), row.getInteger("publication_lag_months"),
                        row.getBoolean("starts_new_series")))
                .collect().asList();
    }

    /** Rows a cursor fetches at a time: a few milliseconds of the event loop each. */
    private static final int OBSERVATION_BATCH = 5_000;
}
