package dev.techtrends.connectors.hnhiring;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The HN Search API by Algolia (base URL tech-trends.connectors.hn-hiring.base-url, ending in /api/v1). */
@RegisterRestClient(configKey = "hn-hiring")
public interface HnAlgoliaClient {

    /**
     * One page (20 hits, newest first) of the stories matching the query and tags; {@code hits} is empty after the
     * last page.
     */
    @GET
    @Path("/search_by_date")
    Uni<Response> search(@QueryParam("query") String query, @QueryParam("tags") String tags,
            @QueryParam("page") int page);

    /** An item with its whole tree of comments: {@code children}, each with its own {@code children}. */
    @GET
    @Path("/items/{id}")
    Uni<Response> item(@PathParam("id") String id);
}
