package dev.techtrends.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The security headers of every answer, set before any handler runs, so that pages, assets, errors and refusals carry
 * them whatever path form was asked:
 * <ul>
 *   <li>every answer: {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin};</li>
 *   <li>the SVG images of the API (charts, badges), made to be embedded: {@code default-src 'none'} (an SVG opened on
 *   its own runs nothing and loads nothing) and no frame restriction, so any site may show them as an image or in a
 *   frame;</li>
 *   <li>the rest of the API and {@code /ping}: nothing to load, never framed;</li>
 *   <li>Quarkus's own pages (Swagger UI, the dev UI), which run inline scripts: never framed;</li>
 *   <li>the dashboard's pages and assets (everything else): only the service's own styles, script and images, forms
 *   posted to itself, never framed.</li>
 * </ul>
 */
@Singleton
public class SecurityHeaders {

    static final String PAGES = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String EMBEDDABLE = "default-src 'none'";
    static final String NOTHING_TO_LOAD = "default-src 'none'; frame-ancestors 'none'";
    static final String NEVER_FRAMED = "frame-ancestors 'none'";

    void register(@Observes Router router) {
        // First of all, before CORS (-300) and the request limits (-3), so that their answers carry the headers too.
        router.route().order(-400).handler(this::add);
    }

    private void add(RoutingContext context) {
        String path = context.request().path();
        MultiMap headers = context.response().headers();
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("Referrer-Policy", "same-origin");
        String policy = policy(path == null ? "/" : path);
        headers.add("Content-Security-Policy", policy);
        if (!policy.equals(EMBEDDABLE)) {
            headers.add("X-Frame-Options", "DENY");
        }
        context.next();
    }

    /** The Content-Security-Policy of an answer to this path. */
    static String policy(String path) {
        if (path.startsWith("/api/")) {
            return path.endsWith(".svg") ? EMBEDDABLE : NOTHING_TO_LOAD;
        }
        if (path.startsWith("/q/")) {
            return NEVER_FRAMED;
        }
        if (path.equals("/ping")) {
            return NOTHING_TO_LOAD;
        }
        return PAGES;
    }
}
