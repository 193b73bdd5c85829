package dev.techtrends.rankings;

import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import dev.techtrends.scoring.SignalComponent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One recomputation of the stored scores, for every registered method version: the per-signal components (what custom
 * weights are recomputed from) and, per technology and quarter, the full score with ranks, with the method's default
 * preset. It reads everything in one consistent snapshot ({@link ScoreSnapshot}), then writes in one transaction under
 * a try-lock, so replicas never interleave writes and nobody waits on a lock (a replica that finds it taken tries
 * again later). Inside it, each category of each method is computed ({@link CategoryScores}) on a worker thread and
 * written ({@link ScoreWriter}) before the next one is computed, so memory holds one category's rows at a time. Only the
 * categories in debt are recomputed (all of a method's when it has no scores yet or its default asOf moved), and the
 * debt the snapshot saw is cleared in the same transaction.
 */
@ApplicationScoped
class ScoreRecomputation {

    /** What a run did: nothing to do, another replica was writing, or the categories it recomputed. */
    record Outcome(boolean busy, Set<Long> categoryIds, int components, int scores, long durationMs) {
        static final Outcome BUSY = new Outcome(true, Set.of(), 0, 0, 0);
        static final Outcome NOTHING = new Outcome(false, Set.of(), 0, 0, 0);

        boolean didWork() {
            return !categoryIds.isEmpty();
        }
    }

    /**
     * What one method's recompute covers.
     *
     * @param categories the categories recomputed
     * @param rescored   those whose scores are written whatever their components come out as (all when the method
     *                   has no current scores, else those whose members changed): the others' scores are written
     *                   only when their components changed, since scores are a function of the components and members
     */
    record Plan(ScoringMethod method, Quarter asOf, List<Long> categories, Set<Long> rescored) {
    }

    private static final long ADVISORY_LOCK = 0x7ec4_7e4d_5c0e_5L;

    private final Pool pool;
    private final Vertx vertx;
    ScoreRecomputation(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    /** What a starting replica finds: nothing to do, stale scores to serve while it recomputes, or nothing to serve. */
    enum AtStart {
        CURRENT, STALE, NONE
    }

    /**
     * What the stored scores lack, read without the snapshot (a restart on current scores reads no observation): debt,
     * or a method whose stored run is missing or of another revision, which puts every category in debt so that
     * readiness says since when the scores are stale until they are recomputed.
     */
    Uni<AtStart> atStart() {
        return pool.query("select method_version, method_revision from score_run").execute().chain(rows -> {
            Map<String, String> revisions = new HashMap<>();
            rows.forEach(row -> revisions.put(row.getString(0), row.getString(1)));
            boolean outdated = ScoringMethods.all().stream().anyMatch(method ->
                    !ScoreWriter.storedRevision(method).equals(revisions.get(method.version())));
            Uni<Void> marked = !outdated ? Uni.createFrom().voidItem() : pool.query("""
                            insert into score_debt (category_id, data_version, members_changed)
                            select id, (select version from data_version), true from category
                            on conflict (category_id) do update set members_changed = true""").execute()
                    .replaceWithVoid();
            boolean served = revisions.containsKey(ScoringMethods.defaultMethod().version());
            return marked.chain(this::inDebt)
                    .map(inDebt -> !served ? AtStart.NONE : inDebt ? AtStart.STALE : AtStart.CURRENT);
        });
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
        // The snapshot and the plans (each method's default asOf walks every observation) on a worker thread: at
        // N = 3,200 they held the event loop 4-8 s.
        return ScoreSnapshot.read(pool)
                .chain(loaded -> vertx.executeBlocking(() -> {
                    ScoreSnapshot snapshot = new ScoreSnapshot(loaded);
                    return new Planned(snapshot, plans(snapshot));
                }, false))
                .chain(planned -> planned.plans().isEmpty() ? Uni.createFrom().item(Outcome.NOTHING)
                        : store(planned.snapshot(), planned.plans(), started));
    }

    private record Planned(ScoreSnapshot snapshot, List<Plan> plans) {
    }

    /** Every method's plan, leaving out those with nothing to write. */
    static List<Plan> plans(ScoreSnapshot snapshot) {
        List<Plan> plans = new ArrayList<>();
        for (ScoringMethod method : ScoringMethods.all()) {
            Plan plan = plan(method, snapshot);
            if (plan != null) {
                plans.add(plan);
            }
        }
        return plans;
    }

    /**
     * The categories in debt, or all of them when the method has no stored scores yet or its default asOf moved
     * (the age of every stale signal depends on it); null when there is nothing to write.
     */
    static Plan plan(ScoringMethod method, ScoreSnapshot snapshot) {
        Quarter asOf = method.defaultAsOf(snapshot.loaded.observations()).orElse(null);
        ScoreSnapshot.StoredRun stored = snapshot.loaded.runs().get(method.version());
        // A method whose code changed its results (a new revision) is recomputed in full, like a moved asOf.
        boolean current = stored != null && Quarter.of(stored.asOf()).equals(asOf)
                && ScoreWriter.storedRevision(method).equals(stored.revision());
        if (asOf == null || current && snapshot.loaded.debt().isEmpty()) {
            return null;
        }
        Set<Long> categories = new TreeSet<>(current ? snapshot.loaded.debt().keySet() : snapshot.byCategory.keySet());
        categories.retainAll(snapshot.byCategory.keySet());
        Set<Long> rescored = new TreeSet<>(categories);
        if (current) {
            rescored.removeIf(category -> !snapshot.loaded.debt().get(category));
        }
        return new Plan(method, asOf, List.copyOf(categories), rescored);
    }

    /**
     * Writes every planned method's rows and clears the debt the snapshot saw, in one transaction; busy when another
     * replica holds the lock (the caller tries again later). Rows computed from older data than what is stored are
     * not written.
     */
    private Uni<Outcome> store(ScoreSnapshot snapshot, List<Plan> plans, long started) {
        long dataVersion = snapshot.loaded.dataVersion();
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(" + ADVISORY_LOCK + ")").execute()
                .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(Outcome.BUSY)
                        : connection.preparedQuery("select 1 from score_run where data_version > $1")
                                .execute(Tuple.of(dataVersion))
                                .chain(newer -> newer.size() > 0 ? Uni.createFrom().item(Outcome.NOTHING)
                                        : write(connection, snapshot, plans, started))));
    }

    /** A category's rows: its changed components, and its scores unless the components all came out as stored. */
    private static ScoreWriter.CategoryRows rows(Plan plan, long categoryId, ScoreSnapshot snapshot,
            Map<ScoreWriter.ComponentKey, ScoreWriter.ComponentRow> stored) {
        List<SignalComponent> components = CategoryScores.components(plan.method(), plan.asOf(), snapshot, categoryId);
        ScoreWriter.StoredRows rows = ScoreWriter.components(plan.method(), categoryId, components, snapshot.bySlug,
                snapshot.context, stored);
        if (rows.componentsUnchanged() && !plan.rescored().contains(categoryId)) {
            return rows.statements();
        }
        return rows.statements(CategoryScores.of(plan.method(), plan.asOf(), snapshot, categoryId, components),
                snapshot.bySlug);
    }

    private Uni<Outcome> write(SqlConnection connection, ScoreSnapshot snapshot, List<Plan> plans, long started) {
        long dataVersion = snapshot.loaded.dataVersion();
        Set<Long> categories = new TreeSet<>();
        int[] written = new int[2]; // components, scores
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        for (Plan plan : plans) {
            categories.addAll(plan.categories());
            for (long categoryId : plan.categories()) {
                steps.add(() -> ScoreWriter.storedComponents(connection, plan.method(), categoryId)
                        .chain(stored -> vertx.executeBlocking(() -> rows(plan, categoryId, snapshot, stored), false))
                        .chain(rows -> {
                            written[0] += rows.componentCount();
                            written[1] += rows.scoreCount();
                            return ScoreWriter.write(connection, rows, categoryId);
                        }));
            }
            steps.add(() -> ScoreWriter.finish(connection, vertx, plan.method(), plan.asOf(), dataVersion, started));
        }
        // One step at a time, each made when its turn comes and released when done: a chain built up front kept every
        // category's rows reachable to the end (8 GB at N = 3,200).
        return Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(step -> step.get().replaceWith(1))
                .collect().last()
                .chain(() -> connection.preparedQuery("delete from score_debt where data_version <= $1")
                        .execute(Tuple.of(dataVersion)))
                .map(deleted -> new Outcome(false, categories, written[0], written[1],
                        (System.nanoTime() - started) / 1_000_000));
    }
}
