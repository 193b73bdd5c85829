package dev.techtrends.connectors.innovationgraph;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The GitHub Innovation Graph's data files (base URL tech-trends.connectors.innovation-graph.base-url: the
 * repository's raw files on its main branch): one row per language (topic), economy and quarter.
 */
@RegisterRestClient(configKey = "innovation-graph")
@Path("/data")
public interface InnovationGraphClient {

    @GET
    @Path("/languages.csv")
    Uni<Response> languages();

    @GET
    @Path("/topics.csv")
    Uni<Response> topics();
}
