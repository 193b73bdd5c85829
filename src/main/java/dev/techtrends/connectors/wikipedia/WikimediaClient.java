package dev.techtrends.connectors.wikipedia;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Wikimedia Analytics API, pageviews (base URL tech-trends.connectors.wikipedia.base-url, ending in /rest_v1):
 * English Wikipedia, all access, agent user, monthly, start and end as YYYYMMDD, inclusive.
 */
@RegisterRestClient(configKey = "wikipedia")
@Path("/metrics/pageviews")
public interface WikimediaClient {

    @GET
    @Path("/per-article/en.wikipedia/all-access/user/{article}/monthly/{start}/{end}")
    Uni<Response> article(@PathParam("article") String article, @PathParam("start") String start,
            @PathParam("end") String end);

    @GET
    @Path("/aggregate/en.wikipedia/all-access/user/monthly/{start}/{end}")
    Uni<Response> aggregate(@PathParam("start") String start, @PathParam("end") String end);
}
