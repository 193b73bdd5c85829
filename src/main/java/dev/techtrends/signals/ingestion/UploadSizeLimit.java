package dev.techtrends.signals.ingestion;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.web.problem.Problem;
import dev.techtrends.web.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses uploads over tech-trends.ingestion.max-body-size with a 413 problem before the body is read, from the
 * declared Content-Length; a chunked body is measured once read. (quarkus.http.limits.max-body-size stays as a
 * higher hard cap that cuts the connection.)
 */
@ApplicationScoped
public class UploadSizeLimit {

    private final long maxBytes;

    public UploadSizeLimit(TechTrendsConfig config) {
        this.maxBytes = config.ingestion().maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkDeclaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !request.path().startsWith("/api/v1/ingestions")) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(length.strip()) > maxBytes ? Optional.of(tooLarge(request.path())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean exceeds(String body) {
        return body.length() > maxBytes;
    }

    Response tooLarge(String path) {
        return ProblemMappers.problem(Problem.of(413, "The upload is larger than the limit of " + maxBytes
                + " bytes; split it into several uploads.", path));
    }
}
