package dev.techtrends.database;

import dev.techtrends.TechTrendsConfig;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Bounds how long and how many requests may wait for a pooled connection, which Quarkus does not expose (Vert.x
 * waits 30 s with no limit on the queue): during an outage or a burst, requests are answered 503 within
 * tech-trends.database.acquire-timeout instead of piling up and failing half a minute later.
 * <p>
 * With several URLs (a primary and its standbys, comma-separated), each new connection goes to the one that is not
 * in recovery, as libpq's target_session_attrs=read-write, which the Vert.x client lacks: after a failover the pool
 * reconnects to the promoted server with no restart, and until one is promoted writes are answered 503.
 */
@Singleton
public class PoolTuning implements PgPoolCreator {

    private final TechTrendsConfig.Database config;

    public PoolTuning(TechTrendsConfig config) {
        this.config = config.database();
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts the pool it gets back to PgPool
    public Pool create(Input input) {
        PoolOptions options = bounded(input.poolOptions(), config);
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        servers.forEach(connect -> bounded(connect, config));
        if (servers.size() == 1) {
            return PgPool.pool(input.vertx(), servers, options);
        }
        return PgPool.pool(input.vertx(), () -> writable(input.vertx(), servers), options);
    }

    /** The waits of tech-trends.database on a pool: every pool of the service has the same. */
    static PoolOptions bounded(PoolOptions options, TechTrendsConfig.Database config) {
        return options.setConnectionTimeout((int) config.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(config.maxWaitQueue());
    }

    static PgConnectOptions bounded(PgConnectOptions connect, TechTrendsConfig.Database config) {
        return connect.setConnectTimeout((int) config.connectTimeout().toMillis());
    }

    /** The first of the servers to say it is not in recovery, asking all at once. */
    static Future<PgConnectOptions> writable(Vertx vertx, List<PgConnectOptions> servers) {
        List<Future<PgConnectOptions>> asked = servers.stream().map(server -> PgConnection.connect(vertx, server)
                .compose(connection -> connection.query("select pg_is_in_recovery()").execute()
                        .eventually(() -> connection.close())
                        .compose(rows -> rows.iterator().next().getBoolean(0)
                                ? Future.<PgConnectOptions>failedFuture("in recovery")
                                : Future.succeededFuture(server))))
                .toList();
        return Future.any(asked).transform(any -> {
            for (Future<PgConnectOptions> answer : asked) {
                if (answer.succeeded()) {
                    return Future.succeededFuture(answer.result());
                }
            }
            return Future.failedFuture(new ConnectException("No writable PostgreSQL among " + servers.stream()
                    .map(server -> server.getHost() + ":" + server.getPort()).collect(Collectors.joining(", "))));
        });
    }
}
