package dev.techtrends.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database, replacing Quarkus's check: that one fails once per stale pooled connection after a
 * PostgreSQL restart (DOWN while reads already work) and names the host and port in its public body. This one tries
 * a second connection before it says DOWN, and says nothing about where the database is. With a standby configured,
 * a replica whose primary is down stays ready while the standby answers: reads go on (writes answer 503) through a
 * failover.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    private final Pool pool;
    private final Standby standby;
    private final DatabaseOutages outages;

    public DatabaseReadiness(Pool pool, Standby standby, DatabaseOutages outages) {
        this.pool = pool;
        this.standby = standby;
        this.outages = outages;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return answers(pool)
                .map(rows -> {
                    outages.answered();
                    return HealthCheckResponse.up("database");
                })
                .onFailure().recoverWithUni(failure -> {
                    outages.failed(failure, "checking readiness");
                    return standby.pool().map(DatabaseReadiness::readsOnly)
                            .orElse(Uni.createFrom().item(HealthCheckResponse.down("database")));
                });
    }

    /** Ready for reads alone while the standby answers. */
    private static Uni<HealthCheckResponse> readsOnly(Pool standby) {
        return answers(standby)
                .map(rows -> HealthCheckResponse.named("database").up().withData("writes", "unavailable").build())
                .onFailure().recoverWithItem(HealthCheckResponse.down("database"));
    }

    private static Uni<?> answers(Pool database) {
        return database.query("select 1").execute()
                .onFailure().retry().withBackOff(Duration.ofMillis(50)).atMost(2)
                .ifNoItem().after(Duration.ofSeconds(3)).fail();
    }
}
