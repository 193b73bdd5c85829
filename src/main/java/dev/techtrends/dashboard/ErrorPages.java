package dev.techtrends.dashboard;

import dev.techtrends.web.problem.Problem;
import dev.techtrends.web.problem.ProblemPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A reader who opens a page that fails (an unknown slug, a bad asOf) gets a page with the same status and words as
 * the problem+json an API client gets. Only for browsers: their Accept names text/html; the API's paths always answer
 * problem+json.
 */
@ApplicationScoped
public class ErrorPages implements ProblemPages {

    @Override
    public boolean forReader(String path, String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML) && !path.startsWith("/api/")
                && !path.startsWith("/q/");
    }

    @Override
    public String page(Problem problem) {
        return DashboardResource.Templates.error(new Pages.Error(problem.status(), problem.title(), problem.detail(),
                        problem.errors() == null ? List.of() : problem.errors()))
                .render();
    }

    @ServerResponseFilter
    public void problemAsPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem
                && forReader(request.getUriInfo().getPath(), request.getHeaderString(HttpHeaders.ACCEPT))) {
            response.setEntity(page(problem), null, MediaType.valueOf(DashboardResource.HTML));
        }
    }
}
