package dev.techtrends.connectors;

import dev.techtrends.database.DerivedData;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Period;
import dev.techtrends.signals.ingestion.IngestionService;
import dev.techtrends.web.Labels;
import dev.techtrends.web.problem.ConflictException;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import dev.techtrends.web.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Runs connectors, the same way for each: one replica at a time ({@link ConnectorRuns}), the months of
 * {@link MonthPlan} (complete ones only: the missing since the configured first one, and the newest again), each
 * month stored through the ingestion service in one transaction or not at all, then one recompute of the scores
 * if anything changed. Progress and outcome are in the run list and in Prometheus metrics.
 */
@ApplicationScoped
public class ConnectorService {

    private final Map<String, Connector> connectors = new TreeMap<>();
    private final Map<String, TypedGuard<Uni<Response>>> breakers = new ConcurrentHashMap<>();
    private final ConnectorRuns runs;
    private final IngestionService ingestion;
    private final DerivedData scores;
    private final Pool pool;
    private final MeterRegistry metrics;
    private final Clock clock;

    public ConnectorService(Instance<Connector> all, ConnectorRuns runs, IngestionService ingestion,
            DerivedData scores, Pool pool, MeterRegistry metrics, Clock clock) {
        all.forEach(connector -> connectors.put(connector.name(), connector));
        this.runs = runs;
        this.ingestion = ingestion;
        this.scores = scores;
        this.pool = pool;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<Connector> connectors() {
        return List.copyOf(connectors.values());
    }

    public Connector connector(String name) {
        Connector connector = connectors.get(name);
        if (connector == null) {
            throw new NoSuchResourceException("No connector is named '" + name + "'; known connectors: "
                    + String.join(", ", connectors.keySet()) + ".");
        }
        return connector;
    }

    /**
     * Starts a run now and answers its id while it goes on in the background.
     *
     * @throws ConflictException when the connector is disabled or a run of it is in progress on any replica
     */
    public Uni<Long> startManualRun(String name) {
        Connector connector = connector(name);
        if (!connector.config().enabled()) {
            return Uni.createFrom().failure(new ConflictException("The connector " + name + " is disabled; set "
                    + "TECH_TRENDS_CONNECTORS_" + name.toUpperCase().replace('-', '_') + "_ENABLED=true to run it."));
        }
        return runs.start(name, RunTrigger.MANUAL).map(id -> {
            if (id == null) {
                throw new ConflictException("A run of the connector " + name + " is in progress; see "
                        + "/api/v1/connectors/" + name + "/runs.");
            }
            execute(connector, id).subscribe().with(outcome -> { }, failure ->
                    Log.errorf(failure, "Connector %s: run %d could not record its outcome", name, id));
            return id;
        });
    }

    /** A scheduled run, to its end; skipped (and recorded so) while another replica runs the connector. */
    public Uni<Void> runOnSchedule(String name) {
        Connector connector = connector(name);
        return runs.start(name, RunTrigger.SCHEDULE).chain(id -> id == null ? Uni.createFrom().voidItem()
                : execute(connector, id));
    }

    public Uni<ConnectorRunView> run(String name, long id) {
        connector(name);
        return runs.run(name, id).onItem().ifNull().failWith(() ->
                new NoSuchResourceException("The connector " + name + " has no run " + id + "."));
    }

    /** Each connector's newest run, on any replica. */
    public Uni<Map<String, ConnectorRunView>> newestRuns() {
        return runs.newest();
    }

    public Uni<List<ConnectorRunView>> runs(String name, int limit) {
        connector(name);
        return runs.runs(name, limit);
    }

    /** Counters of one run, updated as its months are stored. */
    private static final class Tally {
        int periods;
        int inserted;
        int updated;
        int rejected;
        final List<String> rejectedMonths = new ArrayList<>();

        ConnectorRuns.Progress progress(Requests requests) {
            List<String> notes = new ArrayList<>(requests.notes());
            if (!rejectedMonths.isEmpty()) {
                notes.add("rejected: " + String.join("; ", rejectedMonths));
            }
            return new ConnectorRuns.Progress(periods, inserted, updated, rejected, requests.sent(),
                    requests.quotaRemaining(), notes.isEmpty() ? null : String.join("\n", notes));
        }
    }

    private Uni<Void> execute(Connector connector, long id) {
        String name = connector.name();
        Timer.Sample started = Timer.start(metrics);
        Requests requests = new Requests(breakers.computeIfAbsent(name, ConnectorService::breaker), clock);
        Tally tally = new Tally();
        return plan(connector)
                .chain(months -> sourceKeys(connector.signals()).chain(keys -> connector.fetch(months, keys, requests)
                        .onItem().transformToUniAndConcatenate(period -> store(connector, period, tally)
                                .call(stored -> runs.progress(id, tally.progress(requests))))
                        .collect().last()))
                .replaceWith(() -> new Outcome(tally.rejectedMonths.isEmpty() ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                        tally.rejectedMonths.isEmpty() ? null : tally.rejectedMonths.size() + " month(s) rejected"))
                .onFailure().recoverWithItem(failure -> new Outcome(RunStatus.FAILED, describe(failure, tally)))
                .chain(outcome -> runs.finish(id, outcome.status(), tally.progress(requests), outcome.error())
                        .invoke(() -> record(name, outcome, tally, requests, started))
                        .chain(() -> tally.inserted + tally.updated == 0 ? Uni.createFrom().voidItem()
                                : scores.caughtUp()));
    }

    private record Outcome(RunStatus status, String error) {
    }

    private static String describe(Throwable failure, Tally tally) {
        String resume = " The next run resumes at the first month not stored.";
        if (failure instanceof QuotaExhaustedException) {
            return "stopped after " + tally.periods + " month(s): " + failure.getMessage() + "." + resume;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "the source failed repeatedly; its circuit breaker is open for a minute." + resume;
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message + "." + resume;
    }

    /** The first reason, so that the run's notes say what to fix without the upload at hand. */
    private static String firstError(InvalidInputException failure) {
        if (failure.errors().isEmpty()) {
            return "";
        }
        Problem.FieldError error = failure.errors().get(0);
        return " The first: " + (error.row() == null ? "" : "row " + error.row() + ", ") + error.field() + " "
                + error.reason() + ".";
    }

    private Uni<Void> store(Connector connector, PeriodValues period, Tally tally) {
        tally.periods++;
        if (period.isRejected()) {
            tally.rejectedMonths.add(period.month() + ": " + period.rejectedBecause());
            return Uni.createFrom().voidItem();
        }
        if (period.rows().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ingestion.ingestFetched(period.rows(), "connector:" + connector.name())
                .invoke(report -> {
                    tally.inserted += report.inserted();
                    tally.updated += report.updated();
                })
                .replaceWithVoid()
                .onFailure(InvalidInputException.class).recoverWithItem(failure -> {
                    tally.rejected += period.rows().size();
                    tally.rejectedMonths.add(period.month() + ": " + failure.getMessage()
                            + firstError((InvalidInputException) failure));
                    return null;
                });
    }

    /** The months to fetch, ascending, as {@link MonthPlan} chooses them from what is stored. */
    private Uni<List<YearMonth>> plan(Connector connector) {
        YearMonth from = YearMonth.from(Period.startOf(connector.config().from(), Granularity.MONTH));
        YearMonth lastComplete = MonthPlan.lastComplete(clock.instant());
        return pool.preparedQuery("""
                        select distinct period_start from observation
                        where signal_key = $1 and granularity = 'month' and period_start >= $2""")
                .execute(Tuple.of(connector.signal(), from.atDay(1)))
                .map(rows -> {
                    Set<YearMonth> stored = new HashSet<>();
                    rows.forEach(row -> stored.add(YearMonth.from(row.getLocalDate(0))));
                    return MonthPlan.months(from, lastComplete, stored, connector.refetchesEverything());
                });
    }

    /** Each signal's source keys, as the catalogue maps them: once each, though an umbrella key feeds two. */
    private Uni<Map<String, List<String>>> sourceKeys(List<String> signals) {
        return pool.preparedQuery("""
                        select distinct signal_key, source_key from technology_source_key where signal_key = any($1)
                        order by 1, 2""")
                .execute(Tuple.of(signals.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<String>> keys = new TreeMap<>();
                    signals.forEach(signal -> keys.put(signal, new ArrayList<>()));
                    rows.forEach(row -> keys.get(row.getString(0)).add(row.getString(1)));
                    return keys;
                });
    }

    /** One dead source must not stall its runs for the length of every timeout: after repeated failures, fail fast. */
    private static TypedGuard<Uni<Response>> breaker(String name) {
        return TypedGuard.create(new TypeLiteral<Uni<Response>>() {
                })
                .withDescription("connector " + name)
                .withTimeout().duration(60, ChronoUnit.SECONDS).done()
                .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.8).delay(60, ChronoUnit.SECONDS).done()
                .build();
    }

    private void record(String name, Outcome outcome, Tally tally, Requests requests, Timer.Sample started) {
        started.stop(metrics.timer("techtrends.connector.run.duration", "connector", name));
        metrics.counter("techtrends.connector.runs", "connector", name, "outcome", Labels.of(outcome.status())).increment();
        metrics.counter("techtrends.connector.rows", "connector", name, "result", "inserted").increment(tally.inserted);
        metrics.counter("techtrends.connector.rows", "connector", name, "result", "updated").increment(tally.updated);
        metrics.counter("techtrends.connector.rows", "connector", name, "result", "rejected").increment(tally.rejected);
        metrics.counter("techtrends.connector.requests", "connector", name).increment(requests.sent());
        metrics.counter("techtrends.connector.rate.limit.waits", "connector", name).increment(requests.waits());
        Log.infof("Connector %s: %s, %d months, %d inserted, %d updated, %d rejected, %d requests%s", name,
                Labels.of(outcome.status()), tally.periods, tally.inserted, tally.updated, tally.rejected, requests.sent(),
                outcome.error() == null ? "" : " (" + outcome.error() + ")");
    }
}
