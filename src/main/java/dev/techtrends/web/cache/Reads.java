package dev.techtrends.web.cache;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.database.DatabaseOutages;
import dev.techtrends.database.Standby;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Where a read of the data goes: to the standby when one is configured, reachable, and has replayed at least the
 * data and score versions this replica serves ({@link DataVersions}, read from the primary); else to the primary. So
 * an answer from the standby is never older than the same answer from the primary would have been, and a standby
 * that lags or stops only moves reads to the primary. A read the standby fails to answer (it stopped mid-read) is
 * run again on the primary.
 */
@ApplicationScoped
public class Reads {

    private final Pool primary;
    private final Pool standby;
    private final DataVersions versions;
    private final Vertx vertx;
    private final Duration pollInterval;
    private final Counter onPrimary;
    private final Counter onStandby;
    /** The versions the standby had replayed when last asked; null while it cannot be reached (or before). */
    private volatile DataVersions.Versions replayed;
    private final AtomicBoolean unreachableLogged = new AtomicBoolean();
    private long timer = -1;

    public Reads(Pool primary, Standby standby, DataVersions versions, Vertx vertx, TechTrendsConfig config,
            MeterRegistry metrics) {
        this.primary = primary;
        this.standby = standby.pool().orElse(null);
        this.versions = versions;
        this.vertx = vertx;
        this.pollInterval = config.database().standbyPollInterval();
        this.onPrimary = reads(metrics, "primary");
        this.onStandby = reads(metrics, "standby");
    }

    private static Counter reads(MeterRegistry metrics, String pool) {
        return Counter.builder("tech_trends_database_reads").tag("pool", pool)
                .description("Reads of the data, by the database that answered them").register(metrics);
    }

    /** Runs a read on the database chosen for it now. */
    public <T> Uni<T> run(Function<Pool, Uni<T>> read) {
        if (pool() == primary) {
            onPrimary.increment();
            return read.apply(primary);
        }
        onStandby.increment();
        return read.apply(standby).onFailure(DatabaseOutages::isUnavailability).recoverWithUni(failure -> {
            unreachable(failure);
            onPrimary.increment();
            return read.apply(primary);
        });
    }

    /** The database a read goes to now, for a read that cannot be run again (a stream already under way). */
    public Pool pool() {
        DataVersions.Versions standbyAt = replayed;
        DataVersions.Versions needed = versions.current();
        return standbyAt != null && standbyAt.data() >= needed.data() && standbyAt.scores() >= needed.scores()
                ? standby : primary;
    }

    void start(@Observes StartupEvent event) {
        if (standby != null) {
            poll();
            timer = vertx.setPeriodic(pollInterval.toMillis(), id -> poll());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void poll() {
        DataVersions.read(standby).ifNoItem().after(pollInterval.multipliedBy(4)).fail().subscribe().with(at -> {
            replayed = at;
            if (unreachableLogged.compareAndSet(true, false)) {
                Log.info("The standby answers again; reads it has replayed go to it");
            }
        }, this::unreachable);
    }

    private void unreachable(Throwable failure) {
        replayed = null;
        if (unreachableLogged.compareAndSet(false, true)) {
            Log.warnf("The standby cannot be read (%s); reads go to the primary until it answers",
                    failure.getMessage());
        }
    }
}
