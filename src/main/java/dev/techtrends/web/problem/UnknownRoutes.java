package dev.techtrends.web.problem;

import dev.techtrends.web.MediaTypes;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/**
 * Requests no route claims (not even Quarkus REST) get a problem+json 404 instead of Vert.x's plain text, or the
 * reader's 404 page when a browser asks and a module draws pages ({@link ProblemPages}).
 */
@Singleton
public class UnknownRoutes {

    private final Instance<ProblemPages> pages;

    public UnknownRoutes(Instance<ProblemPages> pages) {
        this.pages = pages;
    }

    void register(@Observes Router router) {
        router.route().last().handler(context -> {
            Problem problem = Problem.of(404, "There is no resource at " + context.request().path() + ".",
                    context.request().path());
            if (pages.isResolvable()
                    && pages.get().forReader(context.request().path(), context.request().getHeader("Accept"))) {
                context.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8")
                        .end(pages.get().page(problem));
                return;
            }
            context.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", MediaTypes.PROBLEM_JSON)
                    .end(Json.encode(problem));
        });
    }
}
