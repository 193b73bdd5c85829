package dev.techtrends.rankings;

import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.cache.ResponseCache;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers with custom weights are a space without end: each is tagged and revalidated, but kept in memory it would only
 * push out the answers that are asked again (and, with every vector new, keep the collector busy).
 */
public class CustomWeightAnswers {

    @ServerRequestFilter
    @CachedRead
    public void notKept(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey(ScoreQuery.WEIGHTS)) {
            request.setProperty(ResponseCache.NOT_KEPT, Boolean.TRUE);
        }
    }
}
