package dev.techtrends.connectors.pypl;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The PYPL site (base URL tech-trends.connectors.pypl.base-url): its two data files, JavaScript, not JSON. */
@RegisterRestClient(configKey = "pypl")
public interface PyplClient {

    @GET
    @Path("/PYPL/All.js")
    Uni<Response> languages();

    @GET
    @Path("/DB/All.js")
    Uni<Response> databases();
}
