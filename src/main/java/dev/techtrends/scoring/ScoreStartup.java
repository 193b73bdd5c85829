package dev.techtrends.scoring;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the stored scores up to date before the service takes requests: on the first start (after the bundled
 * data was imported) and whenever the data changed while no instance recomputed. The reactive work runs on a
 * Vert.x context that VertxContextSupport provides; a start with current scores costs one query. A read-only
 * deployment against PostgreSQL replicas turns it off (tech-trends.scores.recompute-at-start=false): a replica
 * cannot store scores, and the writers keep them current.
 */
@ApplicationScoped
public class ScoreStartup {

    void recomputeStaleScores(@Observes StartupEvent event, ScoreStore store,
            @ConfigProperty(name = "tech-trends.scores.recompute-at-start", defaultValue = "true") boolean recompute)
            throws Throwable {
        if (recompute) {
            VertxContextSupport.subscribeAndAwait(store::recomputeIfStale);
        }
    }
}
