package dev.techtrends.connectors.stackexchange;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Stack Exchange API 2.3 (base URL tech-trends.connectors.stackexchange.base-url, ending in /2.3). */
@RegisterRestClient(configKey = "stackexchange")
public interface StackExchangeClient {

    /**
     * Questions created in [fromdate, todate] (Unix seconds, inclusive) carrying the tag, or all of the site's
     * without one; with filter {@code total} the body is just {@code {"total": n}}.
     */
    @GET
    @Path("/questions")
    Uni<Response> questions(@QueryParam("site") String site, @QueryParam("tagged") String tagged,
            @QueryParam("fromdate") long fromDate, @QueryParam("todate") long toDate,
            @QueryParam("filter") String filter, @QueryParam("key") String key);
}
