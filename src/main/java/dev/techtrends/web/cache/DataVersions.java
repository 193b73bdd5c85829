package dev.techtrends.web.cache;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.database.DatabaseOutages;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The versions of the data every cached read depends on, held in memory so that a request does not ask the
 * database. The database notifies every replica (LISTEN tech_trends_data) when the catalogue, the observations or
 * the stored scores change; a periodic refresh covers notifications lost while reconnecting, and local writes
 * refresh before they answer.
 */
@ApplicationScoped
public class DataVersions {

    static final String CHANNEL = "tech_trends_data";

    /**
     * The catalogue/observation version, the oldest version any method's stored scores were computed from, and when
     * the data changed.
     */
    public record Versions(long data, long scores, String key, String lastModified) {
        Versions(long data, long scores, OffsetDateTime changedAt) {
            this(data, scores, data + "-" + scores, changedAt == null ? null
                    : DateTimeFormatter.RFC_1123_DATE_TIME.format(changedAt.withOffsetSameInstant(ZoneOffset.UTC)));
        }
    }

    private final Pool pool;
    private final Vertx vertx;
    private final Optional<String> reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Duration refreshInterval;
    private final DatabaseOutages outages;
    private volatile Versions current = new Versions(-1, -1, null);
    private final AtomicReference<Uni<Versions>> catchingUp = new AtomicReference<>();
    private PgSubscriber subscriber;
    private long timer = -1;

    public DataVersions(Pool pool, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            TechTrendsConfig config, DatabaseOutages outages) {
        this.outages = outages;
        this.pool = pool;
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
        this.refreshInterval = config.http().versionRefreshInterval();
    }

    public Versions current() {
        return current;
    }

    public Uni<Versions> refresh() {
        return read(pool).invoke(versions -> current = versions);
    }

    /**
     * Re-reads the versions from the primary for a client that has seen an answer this replica does not give (it may
     * come from a replica told of a change first); concurrent callers share one query.
     */
    public Uni<Versions> catchUp() {
        return Uni.createFrom().deferred(() -> {
            Uni<Versions> mine = refresh().onTermination().invoke(() -> catchingUp.set(null)).memoize().indefinitely();
            Uni<Versions> flight = catchingUp.compareAndExchange(null, mine);
            return flight != null ? flight : mine;
        });
    }

    /** The versions a database holds: the primary's, or what a standby has replayed. */
    static Uni<Versions> read(Pool database) {
        return database.query("""
                        select d.version, coalesce((select min(data_version) from score_run), -1), d.changed_at
                        from data_version d""")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Versions(row.getLong(0), row.getLong(1), row.getOffsetDateTime(2));
                });
    }

    /** Runs after the score start-up job (priority), so the first versions read include the fresh scores. */
    void listen(@Observes @Priority(3000) StartupEvent event) {
        refresh().await().atMost(Duration.ofSeconds(30));
        timer = vertx.setPeriodic(refreshInterval.toMillis(), id -> refreshQuietly());
        reactiveUrl.map(url -> url.split(",")[0].strip().replaceFirst("^vertx-reactive:", "")).ifPresent(url -> {
            PgConnectOptions options = PgConnectOptions.fromUri(url);
            username.ifPresent(options::setUser);
            password.ifPresent(options::setPassword);
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 2_000L);
            subscriber.channel(CHANNEL)
                    .subscribeHandler(() -> {
                        // Vert.x prints a terminated connection's error to stderr unless someone handles it; the
                        // outage itself is logged once by DatabaseOutages.
                        subscriber.actualConnection().exceptionHandler(failure -> Log.debugf(
                                "The connection listening for data changes failed: %s", failure.getMessage()));
                        refreshQuietly();
                    })
                    .handler(payload -> refreshQuietly());
            subscriber.connect().subscribe().with(ok -> Log.debug("Listening for data changes"),
                    failure -> Log.warnf("Not listening for data changes (%s); relying on the periodic refresh",
                            failure.getMessage()));
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    private void refreshQuietly() {
        refresh().subscribe().with(versions -> outages.answered(), failure -> Log.debugf("Version refresh failed: %s",
                failure.getMessage()));
    }
}
