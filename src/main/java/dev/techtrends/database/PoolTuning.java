package dev.techtrends.database;

import dev.techtrends.TechTrendsConfig;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long and how many requests may wait for a pooled connection, which Quarkus does not expose (Vert.x
 * waits 30 s with no limit on the queue): during an outage or a burst, requests are answered 503 within
 * tech-trends.database.acquire-timeout instead of piling up and failing half a minute later.
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
        PoolOptions options = input.poolOptions()
                .setConnectionTimeout((int) config.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(config.maxWaitQueue());
        input.pgConnectOptionsList().forEach(connect -> connect.setConnectTimeout((int) config.connectTimeout()
                .toMillis()));
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
