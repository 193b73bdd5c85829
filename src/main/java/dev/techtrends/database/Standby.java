package dev.techtrends.database;

import dev.techtrends.TechTrendsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pool of a hot-standby replica of the database (tech-trends.database.standby-url), for reads only; absent when
 * none is configured. Sized and bounded as the primary's pool, with the primary's credentials unless its URL names
 * its own.
 */
@ApplicationScoped
public class Standby {

    private final Pool pool;

    @SuppressWarnings("deprecation") // PgPool: the pool type of the Vert.x 4 client, as Quarkus's own
    public Standby(TechTrendsConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.max-size") int maxSize,
            @ConfigProperty(name = "quarkus.datasource.reactive.idle-timeout") Duration idleTimeout) {
        TechTrendsConfig.Database database = config.database();
        this.pool = database.standbyUrl().map(url -> {
            String uri = url.strip().replaceFirst("^vertx-reactive:", "");
            PgConnectOptions connect = PoolTuning.bounded(PgConnectOptions.fromUri(uri), database)
                    .setCachePreparedStatements(true);
            if (!uri.contains("@")) {
                username.ifPresent(connect::setUser);
                password.ifPresent(connect::setPassword);
            }
            PoolOptions options = PoolTuning.bounded(new PoolOptions(), database).setMaxSize(maxSize)
                    .setIdleTimeout((int) idleTimeout.toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setName("standby");
            return Pool.newInstance(PgPool.pool(vertx.getDelegate(), connect, options));
        }).orElse(null);
    }

    public Optional<Pool> pool() {
        return Optional.ofNullable(pool);
    }

    void stop(@Observes ShutdownEvent event) {
        if (pool != null) {
            pool.closeAndForget();
        }
    }
}
