package dev.techtrends.connectors;

import dev.techtrends.web.Labels;
import dev.techtrends.web.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connector_run rows: the run list, and the lock that lets one replica at a time run a connector (a unique
 * index on the running row, so it holds across replicas without holding a connection for hours).
 */
@ApplicationScoped
public class ConnectorRuns {

    /** A running row whose heartbeat is older than this belongs to a replica that stopped mid-run. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final Pool pool;

    public ConnectorRuns(Pool pool) {
        this.pool = pool;
    }

    /** Progress of a run, as it is stored. */
    record Progress(int periodsFetched, int inserted, int updated, int rejected, int requests, Integer quotaRemaining,
            String notes) {
    }

    /**
     * Starts a run: its id, or null when one is already running on some replica (a skipped run is then recorded).
     */
    Uni<Long> start(String connector, RunTrigger trigger) {
        return pool.preparedQuery("""
                        update connector_run set status = 'failed', finished_at = now(),
                          error = 'its replica stopped mid-run (no heartbeat for ' || $2 || ' s)'
                        where connector = $1 and status = 'running'
                          and heartbeat_at < now() - make_interval(secs => $2)""")
                .execute(Tuple.of(connector, (int) ABANDONED_AFTER.toSeconds()))
                .chain(() -> pool.preparedQuery("""
                                insert into connector_run (connector, trigger, status) values ($1, $2, 'running')
                                on conflict (connector) where status = 'running' do nothing returning id""")
                        .execute(Tuple.of(connector, Labels.of(trigger))))
                .chain(rows -> {
                    if (rows.size() == 1) {
                        return Uni.createFrom().item(rows.iterator().next().getLong(0));
                    }
                    return pool.preparedQuery("""
                                    insert into connector_run (connector, trigger, status, finished_at, error)
                                    values ($1, $2, 'skipped', now(), 'another run of this connector is in progress')""")
                            .execute(Tuple.of(connector, Labels.of(trigger))).replaceWith((Long) null);
                });
    }

    /** Records progress; also the heartbeat that tells other replicas this run is alive. */
    Uni<Void> progress(long id, Progress progress) {
        return pool.preparedQuery("""
                        update connector_run set heartbeat_at = now(), periods_fetched = $2, inserted = $3,
                          updated = $4, rejected = $5, requests = $6, quota_remaining = $7, notes = $8
                        where id = $1""")
                .execute(Tuple.from(new Object[] {id, progress.periodsFetched(), progress.inserted(),
                        progress.updated(), progress.rejected(), progress.requests(), progress.quotaRemaining(),
                        progress.notes()}))
                .replaceWithVoid();
    }

    Uni<Void> finish(long id, RunStatus status, Progress progress, String error) {
        return progress(id, progress).chain(() -> pool.preparedQuery("""
                        update connector_run set status = $2, finished_at = now(), error = $3 where id = $1""")
                .execute(Tuple.of(id, Labels.of(status), error))).replaceWithVoid();
    }

    Uni<ConnectorRunView> run(String connector, long id) {
        return pool.preparedQuery("select * from connector_run where connector = $1 and id = $2")
                .execute(Tuple.of(connector, id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** The newest runs first. */
    Uni<List<ConnectorRunView>> runs(String connector, int limit) {
        return pool.preparedQuery("select * from connector_run where connector = $1 order by id desc limit $2")
                .execute(Tuple.of(connector, limit))
                .map(rows -> Rows.map(rows, ConnectorRuns::view));
    }

    /** Each connector's newest run, in one statement (the index on connector, id desc serves it). */
    Uni<Map<String, ConnectorRunView>> newest() {
        return pool.query("select distinct on (connector) * from connector_run order by connector, id desc").execute()
                .map(rows -> {
                    Map<String, ConnectorRunView> newest = new HashMap<>();
                    rows.forEach(row -> newest.put(row.getString("connector"), view(row)));
                    return newest;
                });
    }

    private static ConnectorRunView view(Row row) {
        return new ConnectorRunView(row.getLong("id"), row.getString("connector"),
                Labels.parse(RunTrigger.class, row.getString("trigger")), Labels.parse(RunStatus.class,
                row.getString("status")), row.getOffsetDateTime("started_at"), row.getOffsetDateTime("finished_at"),
                row.getInteger("periods_fetched"), row.getInteger("inserted"), row.getInteger("updated"),
                row.getInteger("rejected"), row.getInteger("requests"), row.getInteger("quota_remaining"),
                row.getString("notes"), row.getString("error"));
    }
}
