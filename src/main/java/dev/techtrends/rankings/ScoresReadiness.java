package dev.techtrends.rankings;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the stored scores are current, as a detail of readiness: stale scores still answer (the data is stored and
 * a recompute is on its way), so this check stays UP and says since when they lag behind.
 */
@Readiness
@ApplicationScoped
public class ScoresReadiness implements AsyncHealthCheck {

    private final ScoreRecomputeJob job;

    public ScoresReadiness(ScoreRecomputeJob job) {
        this.job = job;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return job.staleSince()
                .map(since -> since == null ? HealthCheckResponse.named("scores").up().withData("current", true).build()
                        : HealthCheckResponse.named("scores").up().withData("current", false)
                                .withData("staleSince", since.toString()).build())
                // The database check reports an outage; this one only says what it knows.
                .onFailure().recoverWithItem(HealthCheckResponse.named("scores").up().withData("current", "unknown")
                        .build());
    }
}
