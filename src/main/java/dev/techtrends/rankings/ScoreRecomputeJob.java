package dev.techtrends.rankings;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.database.DatabaseOutages;
import dev.techtrends.database.DerivedData;
import dev.techtrends.web.cache.DataVersions;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps the stored scores converging to the data. Every write records its score debt in the database in its own
 * transaction (see V10__score_debt_and_row_aware_versions.sql), so nothing is lost if this replica dies; this job pays
 * the debt:
 * <ul>
 *   <li>after a write: writes that arrive while a recompute runs share the next one, so N concurrent uploads cost
 *   two recomputes, not N; the writer waits for it (at most tech-trends.scores.write-wait);</li>
 *   <li>after a failure or while another replica writes: again, with backoff;</li>
 *   <li>every tech-trends.scores.retry-interval, on every replica, when debt is found (a replica that died between
 *   its commit and its recompute is covered by the others);</li>
 *   <li>at start: before the service takes requests when there is nothing to serve (the first start computes every
 *   method), in the background when stored scores are stale (a new method version, a new revision, debt), not at all
 *   when they are current.</li>
 * </ul>
 * A read-only deployment turns it off (tech-trends.scores.recompute-at-start=false): replicas of PostgreSQL cannot
 * store scores, and the writers keep them current.
 */
@ApplicationScoped
public class ScoreRecomputeJob implements DerivedData {

    private static final Duration BUSY_RETRY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final ScoreRecomputation recomputation;
    private final DataVersions versions;
    private final DatabaseOutages outages;
    private final Vertx vertx;
    private final TechTrendsConfig.Scores config;
    private final List<AfterScoresStored> followers;
    private final Object monitor = new Object();

    // Guarded by monitor.
    private boolean enabled;
    private boolean running;
    private boolean requestedWhileRunning;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private long retryTimer = -1;
    private int failuresInARow;
    private long sweepTimer = -1;

    public ScoreRecomputeJob(ScoreRecomputation recomputation, DataVersions versions, DatabaseOutages outages,
            Vertx vertx, TechTrendsConfig config, Instance<AfterScoresStored> followers) {
        this.recomputation = recomputation;
        this.versions = versions;
        this.outages = outages;
        this.vertx = vertx;
        this.config = config.scores();
        this.followers = followers.stream().toList();
    }

    void atStart(@Observes StartupEvent event) throws Throwable {
        if (!config.recomputeAtStart()) {
            return;
        }
        synchronized (monitor) {
            enabled = true;
        }
        // Before the service takes requests only when it has no scores to serve (the first start); stale scores are
        // served, and said to be stale by readiness, while they are recomputed. If another replica is writing, this
        // one starts and retries.
        ScoreRecomputation.AtStart found = VertxContextSupport.subscribeAndAwait(recomputation::atStart);
        if (found == ScoreRecomputation.AtStart.NONE) {
            VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(request())
                    .ifNoItem().after(Duration.ofMinutes(5)).recoverWithItem(() -> null));
        } else if (found == ScoreRecomputation.AtStart.STALE) {
            request();
        }
        sweepTimer = vertx.setPeriodic(config.retryInterval().toMillis(), id -> sweep());
    }

    void atStop(@Observes ShutdownEvent event) {
        synchronized (monitor) {
            enabled = false;
            cancelRetry();
        }
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /**
     * Asks for a recompute that covers everything committed before this call and completes when one has finished, or
     * after tech-trends.scores.write-wait: the write is stored either way, and its scores converge by themselves.
     */
    @Override
    public Uni<Void> caughtUp() {
        return Uni.createFrom().completionStage(request()).ifNoItem().after(config.writeWait())
                .recoverWithItem(() -> null);
    }

    /** When the stored scores started to lag behind the data, or null when they are current. */
    public Uni<OffsetDateTime> staleSince() {
        return recomputation.staleSince();
    }

    private CompletableFuture<Void> request() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (monitor) {
            if (!enabled) {
                done.complete(null); // this replica does not recompute; the writers' replicas do
                return done;
            }
            waiting.add(done);
            if (running) {
                requestedWhileRunning = true;
            } else {
                startRun();
            }
        }
        return done;
    }

    /** Runs a recompute for everyone waiting now; those who ask meanwhile wait for the next one. */
    private void startRun() { // holds monitor
        cancelRetry();
        running = true;
        requestedWhileRunning = false;
        List<CompletableFuture<Void>> covered = waiting;
        waiting = new ArrayList<>();
        recomputation.run()
                // This replica's cached responses follow at once; the others hear the database's notification. What
                // derives from the scores reads them through the refreshed versions.
                .call(outcome -> outcome.didWork() ? versions.refresh().call(this::tellFollowers)
                        : Uni.createFrom().voidItem())
                .subscribe().with(outcome -> finished(outcome, null, covered),
                        failure -> finished(null, failure, covered));
    }

    private void finished(ScoreRecomputation.Outcome outcome, Throwable failure,
            List<CompletableFuture<Void>> covered) {
        boolean done = failure == null && !outcome.busy();
        if (done) {
            if (outcome.didWork()) {
                Log.infof("Recomputed scores of %d categories: %d components written, %d scores in %d ms",
                        outcome.categoryIds().size(), outcome.components(), outcome.scores(), outcome.durationMs());
            }
            covered.forEach(future -> future.complete(null));
        } else if (failure != null) {
            outages.failed(failure, "recomputing scores");
        } else {
            Log.debug("Another replica is storing scores; recomputing again shortly");
        }
        synchronized (monitor) {
            running = false;
            if (!enabled) {
                covered.forEach(future -> future.complete(null));
                waiting.forEach(future -> future.complete(null));
                return;
            }
            if (!done) {
                waiting.addAll(0, covered);
                failuresInARow = failure == null ? failuresInARow : failuresInARow + 1;
                scheduleRetry(failure == null ? BUSY_RETRY : backoff(failuresInARow));
            } else {
                failuresInARow = 0;
                if (requestedWhileRunning || !waiting.isEmpty()) {
                    startRun();
                }
            }
        }
    }

    private Uni<Void> tellFollowers() {
        Uni<Void> told = Uni.createFrom().voidItem();
        for (AfterScoresStored follower : followers) {
            told = told.call(() -> follower.scoresStored().onFailure().recoverWithItem(failure -> {
                outages.failed(failure, "updating what derives from the scores");
                return null;
            }));
        }
        return told;
    }

    /** Every replica looks for debt now and then: it covers a replica that died between its commit and recompute. */
    private void sweep() {
        synchronized (monitor) {
            if (running || retryTimer >= 0 || !enabled) {
                return;
            }
        }
        recomputation.inDebt().subscribe().with(inDebt -> {
            if (inDebt) {
                request();
            }
        }, failure -> outages.failed(failure, "looking for stale scores"));
    }

    private void scheduleRetry(Duration delay) { // holds monitor
        if (retryTimer < 0) {
            retryTimer = vertx.setTimer(delay.toMillis(), id -> {
                synchronized (monitor) {
                    retryTimer = -1;
                    if (enabled && !running) {
                        startRun();
                    }
                }
            });
        }
    }

    private void cancelRetry() { // holds monitor
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
            retryTimer = -1;
        }
    }

    private static Duration backoff(int failures) {
        long millis = 1000L << Math.min(failures - 1, 5);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY.toMillis()));
    }
}
