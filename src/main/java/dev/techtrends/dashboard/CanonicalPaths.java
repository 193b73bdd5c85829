package dev.techtrends.dashboard;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A page asked for with a trailing slash ({@code /technologies/python/}) is answered 308 with its one canonical
 * path, so that every page has one address (one cache entry, one link to share) and no second form escapes its
 * headers. The API and Quarkus's endpoints are left as JAX-RS and Quarkus match them.
 */
@Singleton
public class CanonicalPaths {

    void register(@Observes Router router) {
        // after the security headers (-400), so the redirect carries them, and before any page is rendered
        router.routeWithRegex("^/(?!api/|q/|assets/).+/$").order(-350).handler(CanonicalPaths::redirect);
    }

    private static void redirect(RoutingContext context) {
        String path = context.request().path();
        String canonical = path.replaceAll("/+$", "");
        String query = context.request().query();
        context.response().setStatusCode(308)
                .putHeader(HttpHeaders.LOCATION, (canonical.isEmpty() ? "/" : canonical)
                        + (query == null || query.isEmpty() ? "" : "?" + query))
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                .end();
    }
}
