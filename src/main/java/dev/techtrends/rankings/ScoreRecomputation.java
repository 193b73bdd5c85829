package dev.techtrends.rankings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.scoring.Components;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.scoring.Weights;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One recomputation of the stored scores, for every registered method version: the per-signal components (what custom
 * weights are recomputed from) and, per technology and quarter, the full score with ranks, with the method's default
 * preset. It reads everything in one consistent snapshot, then writes in one transaction under a try-lock, so replicas
 * never interleave writes and nobody waits on a lock (a replica that finds it taken tries again later). Inside it,
 * each category of each method is computed on a worker thread and written before the next one is computed, so memory
 * holds one category's rows at a time. Only the categories in debt are recomputed (all of a method's when it has no
 * scores yet or its default asOf moved), and the debt the snapshot saw is cleared in the same transaction.
 */
@ApplicationScoped
class ScoreRecomputation {

    /** What a run did: nothing to do, another replica was writing, or the categories it recomputed. */
    record Outcome(boolean busy, Set<Long> categoryIds, int components, int scores, long durationMs) {
        static final Outcome BUSY = new Outcome(true, Set.of(), 0, 0, 0);

        boolean didWork() {
            return !categoryIds.isEmpty();
        }
    }

    private static final long ADVISORY_LOCK = 0x7ec4_7e4d_5c0e_5L;

    private record TechnologyRow(long id, String slug, String name, long categoryId, String category) {
    }

    /** Everything a run reads, from one snapshot. */
    private record Loaded(long dataVersion, Set<Long> debt, List<TechnologyRow> technologies,
            List<Observation> observations, Map<String, ScoreView.Attribution> sourceBySignal,
            Map<String, StoredRun> runs) {
    }

    private record StoredRun(LocalDate asOf, long dataVersion, String revision) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private final ObjectMapper objectMapper;

    ScoreRecomputation(Pool pool, Vertx vertx, ObjectMapper objectMapper) {
        this.pool = pool;
        this.vertx = vertx;
        this.objectMapper = objectMapper;
    }

    /** Whether some category's stored scores predate the data. */
    Uni<Boolean> inDebt() {
        return pool.query("select exists (select 1 from score_debt)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** When the oldest debt arose, or null when the stored scores are current. */
    Uni<OffsetDateTime> staleSince() {
        return pool.query("select min(since) from score_debt").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime(0));
    }

    /**
     * One run: the snapshot, what every method must recompute (on a worker thread), then, in one write transaction
     * under the lock, each method's categories computed one at a time on a worker thread and written before the next,
     * so that memory holds one category's rows, not every method's (bench/scale: heap and time grew faster than the
     * catalogue when all rows were held until one write).
     */
    Uni<Outcome> run() {
        long started = System.nanoTime();
        return load()
                .chain(loaded -> vertx.executeBlocking(() -> new Shared(loaded), false))
                .chain(shared -> store(shared, started));
    }

    /** Everything in one REPEATABLE READ snapshot, so the data version read is exactly the data computed from. */
    private Uni<Loaded> load() {
        return pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> load(connection)));
    }

    private Uni<Loaded> load(SqlConnection connection) {
        Uni<Long> version = connection.query("select version from data_version").execute()
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<Set<Long>> debt = connection.query("select category_id from score_debt").execute()
                .map(rows -> {
                    Set<Long> categories = new HashSet<>();
                    rows.forEach(row -> categories.add(row.getLong(0)));
                    return categories;
                });
        Uni<List<TechnologyRow>> technologies = connection.query("""
                        select t.id, t.slug, t.name, t.category_id, c.slug as category
                        from technology t join category c on c.id = t.category_id""").execute()
                .map(rows -> {
                    List<TechnologyRow> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new TechnologyRow(row.getLong("id"), row.getString("slug"),
                            row.getString("name"), row.getLong("category_id"), row.getString("category"))));
                    return list;
                });
        Uni<List<Observation>> observations = ScoreRepository.observationsFrom(connection);
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

    /** What every method's categories are computed from, built once per run. */
    private static final class Shared {
        final Loaded loaded;
        final Map<Long, List<TechnologyRow>> byCategory = new HashMap<>();
        /** Each category's observations, grouped once: every method reads them. */
        final Map<Long, List<Observation>> observationsByCategory = new HashMap<>();
        final Map<String, TechnologyRow> bySlug = new HashMap<>();
        final Map<ViewMapper.ShareKey, Double> shares = new HashMap<>();
        final ViewMapper.Context context;
        /** The first quarter any signal has complete (aligned) data for, or a yearly value is published in. */
        final Quarter firstQuarter;
        final List<Plan> plans = new ArrayList<>();

        Shared(Loaded loaded) {
            this.loaded = loaded;
            Map<String, String> names = new HashMap<>();
            Map<String, String> categoryBySlug = new HashMap<>();
            loaded.technologies().forEach(t -> {
                byCategory.computeIfAbsent(t.categoryId(), c -> new ArrayList<>()).add(t);
                bySlug.put(t.slug(), t);
                names.put(t.slug(), t.name());
                categoryBySlug.put(t.slug(), t.category());
            });
            for (Observation observation : loaded.observations()) {
                observationsByCategory.computeIfAbsent(bySlug.get(observation.technology()).categoryId(),
                        c -> new ArrayList<>()).add(observation);
            }
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
            context = new ViewMapper.Context(names, categoryBySlug, loaded.sourceBySignal(), shares);
            for (ScoringMethod method : ScoringMethods.all()) {
                Plan plan = plan(method);
                if (plan != null) {
                    plans.add(plan);
                }
            }
        }

        /**
         * The categories in debt, or all of them when the method has no stored scores yet or its default asOf moved
         * (the age of every stale signal depends on it); null when there is nothing to write.
         */
        private Plan plan(ScoringMethod method) {
            Quarter asOf = method.defaultAsOf(loaded.observations()).orElse(null);
            StoredRun stored = loaded.runs().get(method.version());
            // A method whose code changed its results (a new revision) is recomputed in full, like a moved asOf.
            boolean current = stored != null && Quarter.of(stored.asOf()).equals(asOf)
                    && storedRevision(method).equals(stored.revision());
            if (asOf == null || current && loaded.debt().isEmpty()) {
                return null;
            }
            Set<Long> categories = new TreeSet<>(current ? loaded.debt() : byCategory.keySet());
            categories.retainAll(byCategory.keySet());
            return new Plan(method, asOf, List.copyOf(categories));
        }
    }

    /** What one method's recompute covers. */
    private record Plan(ScoringMethod method, Quarter asOf, List<Long> categories) {
    }

    /** One category's rows for a method, as statement parameters. */
    private CategoryRows rows(Shared shared, Plan plan, long categoryId) {
        ScoringMethod method = plan.method();
        Quarter asOf = plan.asOf();
        List<TechnologyRow> technologies = shared.byCategory.get(categoryId);
        Set<String> slugs = new TreeSet<>();
        technologies.forEach(t -> slugs.add(t.slug()));
        List<SignalComponent> components = method.components(slugs,
                shared.observationsByCategory.getOrDefault(categoryId, List.of()), asOf);
        StoredRows rows = new StoredRows(method);
        for (SignalComponent component : components) {
            rows.addComponent(categoryId, shared.bySlug.get(component.technology()).id(), component,
                    shared.shares.get(new ViewMapper.ShareKey(component.technology(), component.signal(),
                            component.dataQuarter())));
        }
        Weights defaults = method.defaultPreset().weights();
        double momentumWeight = method.defaultMomentumWeight();
        NavigableMap<Quarter, List<Score>> scores = method.scoresByQuarter(slugs, components, defaults,
                momentumWeight);
        // Every category has a row per technology in every quarter from the first scored to asOf, so that any asOf
        // lists all of them, those without data with coverage 0 and no figures (and write() relies on it).
        Quarter first = shared.firstQuarter == null ? asOf : shared.firstQuarter;
        if (!scores.isEmpty() && scores.firstKey().isBefore(first)) {
            first = scores.firstKey();
        }
        for (Quarter q = first; !q.isAfter(asOf); q = q.plus(1)) {
            if (!scores.containsKey(q)) {
                scores.put(q, method.scores(slugs, q, List.of(), defaults, momentumWeight));
            }
        }
        for (Map.Entry<Quarter, List<Score>> quarter : scores.entrySet()) {
            Quarter q = quarter.getKey();
            List<Ranking.Entry> entries = Ranking.rank(q, quarter.getValue(),
                    scores.getOrDefault(q.minus(1), List.of()), scores.getOrDefault(q.minus(4), List.of()),
                    ScoreOrder.TREND);
            for (Ranking.Entry entry : entries) {
                rows.addScore(categoryId, shared.bySlug.get(entry.technology()).id(), entry,
                        json(ViewMapper.score(method, entry, defaults, momentumWeight, shared.context)));
            }
        }
        return rows.statements(technologies.stream().map(TechnologyRow::id).toArray(Long[]::new), scores.firstKey(),
                scores.lastKey());
    }

    /**
     * Writes every planned method's rows and clears the debt the snapshot saw, in one transaction; busy when another
     * replica holds the lock (the caller tries again later). Rows computed from older data than what is stored are
     * not written.
     */
    private Uni<Outcome> store(Shared shared, long started) {
        if (shared.plans.isEmpty()) {
            return Uni.createFrom().item(new Outcome(false, Set.of(), 0, 0, 0));
        }
        long dataVersion = shared.loaded.dataVersion();
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(" + ADVISORY_LOCK + ")").execute()
                .chain(locked -> {
                    if (!locked.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(Outcome.BUSY);
                    }
                    return connection.preparedQuery("select 1 from score_run where data_version > $1")
                            .execute(Tuple.of(dataVersion))
                            .chain(newer -> {
                                if (newer.size() > 0) {
                                    return Uni.createFrom().item(new Outcome(false, Set.of(), 0, 0, 0));
                                }
                                Set<Long> categories = new TreeSet<>();
                                int[] written = new int[2]; // components, scores
                                List<Supplier<Uni<Integer>>> steps = new ArrayList<>();
                                for (Plan plan : shared.plans) {
                                    categories.addAll(plan.categories());
                                    for (long categoryId : plan.categories()) {
                                        steps.add(() -> vertx.executeBlocking(
                                                        () -> rows(shared, plan, categoryId), false)
                                                .chain(rows -> {
                                                    written[0] += rows.componentCount();
                                                    written[1] += rows.scoreCount();
                                                    return write(connection, rows, categoryId);
                                                })
                                                .replaceWith(1));
                                    }
                                    steps.add(() -> finish(connection, plan, dataVersion, started).replaceWith(1));
                                }
                                // One step at a time, each made when its turn comes and released when done: a chain
                                // built up front kept every category's rows reachable to the end (8 GB at N = 3,200).
                                return Multi.createFrom().iterable(steps)
                                        .onItem().transformToUniAndConcatenate(Supplier::get)
                                        .collect().last()
                                        .chain(() -> connection.preparedQuery(
                                                        "delete from score_debt where data_version <= $1")
                                                .execute(Tuple.of(dataVersion)))
                                        .map(deleted -> new Outcome(false, categories, written[0], written[1],
                                                (System.nanoTime() - started) / 1_000_000));
                            });
                }));
    }

    /** Rows per statement: encoding a statement's parameters runs on the event loop, so none may be large. */
    private static final int COMPONENTS_PER_STATEMENT = 5_000;
    private static final int SCORES_PER_STATEMENT = 500;

    /**
     * One category's rows of a method, a few thousand per statement. Components are replaced (small rows, no JSON).
     * Scores are upserted, skipping unchanged rows: new data changes few stored quarters, and rewriting all of them
     * with their JSON cost PostgreSQL most of a recompute; then the rows no longer computed go, which are exactly
     * those outside the category's technologies and scored quarters (every technology is scored in every quarter).
     */
    private static Uni<Void> write(SqlConnection connection, CategoryRows rows, long categoryId) {
        Uni<Void> chain = connection
                .preparedQuery("delete from score_component where method_version = $1 and category_id = $2")
                .execute(Tuple.of(rows.version(), categoryId)).replaceWithVoid();
        for (Tuple components : rows.components()) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            insert into score_component (method_version, category_id, quarter, technology_id,
                              signal_key, data_quarter, share, level, normalised_level, growth, level_basis,
                              anchored_level, anchored_normalised_level)
                            select $1::varchar, * from unnest($2::bigint[], $3::date[], $4::bigint[], $5::text[],
                              $6::date[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[],
                              $12::float8[], $13::float8[])""")
                    .execute(components).replaceWithVoid());
        }
        for (Tuple scores : rows.scores()) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            insert into score (method_version, category_id, technology_id, quarter, popularity, momentum,
                              momentum_pct, trend_score, trend_score_delta, coverage, confidence, stage, rank,
                              rank_change, detail)
                            select $1::varchar, c, t, q, p, m, mp, ts, tsd, cov, conf, st, r, rc, d
                            from unnest($2::bigint[], $3::bigint[], $4::date[], $5::float8[], $6::float8[],
                              $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::text[],
                              $13::int[], $14::int[], $15::text[])
                              as u (c, t, q, p, m, mp, ts, tsd, cov, conf, st, r, rc, d)
                            on conflict (method_version, technology_id, quarter) do update
                              set category_id = excluded.category_id, popularity = excluded.popularity,
                                momentum = excluded.momentum, momentum_pct = excluded.momentum_pct,
                                trend_score = excluded.trend_score, trend_score_delta = excluded.trend_score_delta,
                                coverage = excluded.coverage, confidence = excluded.confidence,
                                stage = excluded.stage, rank = excluded.rank, rank_change = excluded.rank_change,
                                detail = excluded.detail
                              where score.detail is distinct from excluded.detail
                                or score.category_id is distinct from excluded.category_id""")
                    .execute(scores).replaceWithVoid());
        }
        return chain.chain(() -> connection.preparedQuery("""
                        delete from score
                        where method_version = $1 and category_id = $2
                          and (quarter < $3 or quarter > $4 or not technology_id = any($5))""")
                .execute(Tuple.of(rows.version(), categoryId, rows.firstQuarter().start(),
                        rows.lastQuarter().start(), rows.technologyIds()))
                .replaceWithVoid());
    }

    /** After all of a method's categories: the ranks across categories and the run's record. */
    private static Uni<Void> finish(SqlConnection connection, Plan plan, long dataVersion, long started) {
        String version = plan.method().version();
        // One pass of window functions instead of a self-join.
        return connection.preparedQuery("""
                                with ranked as (
                                  select technology_id, quarter,
                                    case when trend_score is null then null
                                         else rank() over (partition by quarter order by trend_score desc nulls last) end as r
                                  from score where method_version = $1),
                                changed as (
                                  select technology_id, quarter, r,
                                    case when lag(quarter) over history = (quarter - interval '3 months')::date
                                         then lag(r) over history - r end as change
                                  from ranked
                                  window history as (partition by technology_id order by quarter))
                                update score s set overall_rank = changed.r, overall_rank_change = changed.change
                                from changed
                                where s.method_version = $1 and s.technology_id = changed.technology_id
                                  and s.quarter = changed.quarter
                                  and (s.overall_rank, s.overall_rank_change) is distinct from (changed.r, changed.change)""")
                        .execute(Tuple.of(version))
                .chain(() -> connection.preparedQuery("""
                                insert into score_run (method_version, data_version, first_quarter, as_of, computed_at,
                                  duration_ms, method_revision)
                                select $1::varchar, $3::bigint, min(s.quarter), $2::date, now(), $4::int, $5::varchar
                                from score s where s.method_version = $1::varchar
                                on conflict (method_version) do update set data_version = excluded.data_version,
                                  first_quarter = excluded.first_quarter, as_of = excluded.as_of,
                                  computed_at = excluded.computed_at, duration_ms = excluded.duration_ms,
                                  method_revision = excluded.method_revision""")
                        .execute(Tuple.of(version, plan.asOf().start(), dataVersion,
                                (int) ((System.nanoTime() - started) / 1_000_000), storedRevision(plan.method()))))
                .replaceWithVoid();
    }

    private String json(ScoreView response) {
        try {
            return objectMapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A score response always serialises", e);
        }
    }

    /**
     * One category's rows as statement parameters, built on the worker thread (building them for 500,000 components
     * held the event loop for seconds), with what identifies its stale score rows.
     */
    private record CategoryRows(String version, List<Tuple> components, List<Tuple> scores, Long[] technologyIds,
            Quarter firstQuarter, Quarter lastQuarter, int componentCount, int scoreCount) {
    }

    /** Column arrays for the two bulk inserts (one unnest statement each instead of thousands of rows). */
    private static final class StoredRows {
        final String version;
        final List<Long> componentCategory = new ArrayList<>();
        final List<LocalDate> componentQuarter = new ArrayList<>();
        final List<Long> componentTechnology = new ArrayList<>();
        final List<String> componentSignal = new ArrayList<>();
        final List<LocalDate> componentDataQuarter = new ArrayList<>();
        final List<Double> componentShare = new ArrayList<>();
        final List<Double> componentLevel = new ArrayList<>();
        final List<Double> componentNormalised = new ArrayList<>();
        final List<Double> componentGrowth = new ArrayList<>();
        final List<String> componentBasis = new ArrayList<>();
        final List<Double> componentAnchored = new ArrayList<>();
        final List<Double> componentAnchoredNormalised = new ArrayList<>();

        final List<Long> scoreCategory = new ArrayList<>();
        final List<Long> scoreTechnology = new ArrayList<>();
        final List<LocalDate> scoreQuarter = new ArrayList<>();
        final List<Double> popularity = new ArrayList<>();
        final List<Double> momentum = new ArrayList<>();
        final List<Double> momentumPct = new ArrayList<>();
        final List<Double> trendScore = new ArrayList<>();
        final List<Double> trendScoreDelta = new ArrayList<>();
        final List<Double> coverage = new ArrayList<>();
        final List<String> confidence = new ArrayList<>();
        final List<String> stage = new ArrayList<>();
        final List<Integer> rank = new ArrayList<>();
        final List<Integer> rankChange = new ArrayList<>();
        final List<String> detail = new ArrayList<>();

        StoredRows(ScoringMethod method) {
            this.version = method.version();
        }

        void addComponent(long categoryId, long technologyId, SignalComponent component, Double share) {
            componentCategory.add(categoryId);
            componentQuarter.add(component.quarter().start());
            componentTechnology.add(technologyId);
            componentSignal.add(component.signal());
            componentDataQuarter.add(component.dataQuarter().start());
            componentShare.add(share);
            componentLevel.add(component.level());
            componentNormalised.add(component.normalisedLevel());
            componentGrowth.add(component.growth());
            componentBasis.add(component.basis().label());
            componentAnchored.add(component.anchoredLevel());
            componentAnchoredNormalised.add(component.anchoredNormalisedLevel());
        }

        void addScore(long categoryId, long technologyId, Ranking.Entry entry, String json) {
            Score score = entry.score();
            scoreCategory.add(categoryId);
            scoreTechnology.add(technologyId);
            scoreQuarter.add(score.quarter().start());
            popularity.add(score.popularity());
            momentum.add(score.momentum());
            momentumPct.add(score.momentumPct());
            trendScore.add(score.trendScore());
            trendScoreDelta.add(entry.sincePreviousQuarter().trendScoreDelta());
            coverage.add(score.coverage());
            confidence.add(score.confidence().label());
            stage.add(score.stage() == null ? null : score.stage().label());
            rank.add(entry.rank());
            rankChange.add(entry.sincePreviousQuarter().rankChange());
            detail.add(json);
        }

        /** With the category's technologies and the quarters scored: every score row outside them is stale. */
        CategoryRows statements(Long[] technologyIds, Quarter firstQuarter, Quarter lastQuarter) {
            return new CategoryRows(version, componentTuples(COMPONENTS_PER_STATEMENT),
                    scoreTuples(SCORES_PER_STATEMENT), technologyIds, firstQuarter, lastQuarter, componentCount(),
                    scoreCount());
        }

        /** The component columns, at most {@code size} rows per tuple. */
        List<Tuple> componentTuples(int size) {
            return chunks(componentCount(), size, (from, to) -> new Object[] {version,
                    componentCategory.subList(from, to).toArray(Long[]::new),
                    componentQuarter.subList(from, to).toArray(LocalDate[]::new),
                    componentTechnology.subList(from, to).toArray(Long[]::new),
                    componentSignal.subList(from, to).toArray(String[]::new),
                    componentDataQuarter.subList(from, to).toArray(LocalDate[]::new),
                    componentShare.subList(from, to).toArray(Double[]::new),
                    componentLevel.subList(from, to).toArray(Double[]::new),
                    componentNormalised.subList(from, to).toArray(Double[]::new),
                    componentGrowth.subList(from, to).toArray(Double[]::new),
                    componentBasis.subList(from, to).toArray(String[]::new),
                    componentAnchored.subList(from, to).toArray(Double[]::new),
                    componentAnchoredNormalised.subList(from, to).toArray(Double[]::new)});
        }

        /** The score columns, at most {@code size} rows per tuple. */
        List<Tuple> scoreTuples(int size) {
            return chunks(scoreCount(), size, (from, to) -> new Object[] {version,
                    scoreCategory.subList(from, to).toArray(Long[]::new),
                    scoreTechnology.subList(from, to).toArray(Long[]::new),
                    scoreQuarter.subList(from, to).toArray(LocalDate[]::new),
                    popularity.subList(from, to).toArray(Double[]::new),
                    momentum.subList(from, to).toArray(Double[]::new),
                    momentumPct.subList(from, to).toArray(Double[]::new),
                    trendScore.subList(from, to).toArray(Double[]::new),
                    trendScoreDelta.subList(from, to).toArray(Double[]::new),
                    coverage.subList(from, to).toArray(Double[]::new),
                    confidence.subList(from, to).toArray(String[]::new),
                    stage.subList(from, to).toArray(String[]::new),
                    rank.subList(from, to).toArray(Integer[]::new),
                    rankChange.subList(from, to).toArray(Integer[]::new),
                    detail.subList(from, to).toArray(String[]::new)});
        }

        private static List<Tuple> chunks(int rows, int size, BiFunction<Integer, Integer, Object[]> columns) {
            List<Tuple> tuples = new ArrayList<>();
            for (int from = 0; from < rows; from += size) {
                tuples.add(Tuple.from(columns.apply(from, Math.min(from + size, rows))));
            }
            return tuples;
        }

        int componentCount() {
            return componentCategory.size();
        }

        int scoreCount() {
            return scoreCategory.size();
        }
    }

    /**
     * What the stored scores were computed and written with: the method's revision and the precision of the published
     * figures (stored answers are served as written, so a change of either rewrites them at the next start).
     */
    static String storedRevision(ScoringMethod method) {
        return method.revision() + "/figures-" + Figures.SIGNIFICANT_DIGITS;
    }
}
