package dev.techtrends.scoring;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Brings the stored scores up to date before the service takes requests: on the first start (after the bundled
 * data was imported) and whenever the data changed while no instance recomputed. The reactive work runs on a
 * Vert.x context that VertxContextSupport provides; a start with current scores costs one query.
 */
@ApplicationScoped
public class ScoreStartup {

    void recomputeStaleScores(@Observes StartupEvent event, ScoreStore store) throws Throwable {
        VertxContextSupport.subscribeAndAwait(store::recomputeIfStale);
    }
}
