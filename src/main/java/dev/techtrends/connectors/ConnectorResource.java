package dev.techtrends.connectors;

import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.problem.Problem;
import dev.techtrends.web.security.ApiKeyIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connectors")
@RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
@SecurityRequirement(name = "apiKey")
public class ConnectorResource {

    private final ConnectorService service;
    private final ConnectorScheduler scheduler;

    public ConnectorResource(ConnectorService service, ConnectorScheduler scheduler) {
        this.service = service;
        this.scheduler = scheduler;
    }

    @GET
    @Operation(operationId = "listConnectors", summary = "The connectors, their schedule and last run (admin)",
            description = "Every connector to a live public source: whether it is enabled, the API it calls, its "
                    + "schedule, the first month it backfills, when it runs next on this replica and its newest run "
                    + "on any replica.")
    @APIResponse(responseCode = "200", description = "The connectors", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorView[].class)))
    public Uni<List<ConnectorView>> connectors() {
        return service.newestRuns().map(newest -> service.connectors().stream().map(connector -> {
            var next = scheduler.nextRun(connector.name());
            return new ConnectorView(connector.name(), connector.signal(), connector.config().enabled(),
                    connector.config().baseUrl(), connector.config().cron(), connector.config().from(),
                    next == null ? null : next.atOffset(ZoneOffset.UTC), newest.get(connector.name()));
        }).toList());
    }

    @POST
    @Path("{name}/runs")
    @Operation(operationId = "startConnectorRun", summary = "Run a connector now (admin)",
            description = "Starts a run and answers at once; Location names the run to watch. 409 when the connector "
                    + "is disabled or a run of it is in progress on any replica.")
    @APIResponse(responseCode = "202", description = "Started; the run goes on in the background",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectorRunView.class)))
    @APIResponse(responseCode = "404", description = "No such connector",
            content = @Content(mediaType = MediaTypes.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Disabled, or already running",
            content = @Content(mediaType = MediaTypes.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@Parameter(description = "Connector name", example = "stackexchange")
                               @PathParam("name") String name, @Context UriInfo uriInfo) {
        return service.startManualRun(name).chain(id -> service.run(name, id))
                .map(run -> Response.accepted(run)
                        .location(uriInfo.getAbsolutePathBuilder().path(String.valueOf(run.id())).build()).build());
    }

    @GET
    @Path("{name}/runs")
    @Operation(operationId = "listConnectorRuns", summary = "A connector's runs, newest first (admin)",
            description = "Status, months fetched, rows inserted, updated and rejected, requests, remaining quota, "
                    + "notes and error of each run, skipped ones included.")
    @APIResponse(responseCode = "200", description = "The runs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorRunView[].class)))
    public Uni<List<ConnectorRunView>> runs(
            @Parameter(description = "Connector name", example = "stackexchange") @PathParam("name") String name,
            @Parameter(description = "At most this many, 1 to 100 (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return service.runs(name, QueryParameters.boundedInt("limit", limit, 20, 1, 100));
    }

    @GET
    @Path("{name}/runs/{id}")
    @Operation(operationId = "getConnectorRun", summary = "One run of a connector (admin)",
            description = "Its status and counters; while it runs, they grow as months are stored.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorRunView.class)))
    public Uni<ConnectorRunView> run(
            @Parameter(description = "Connector name", example = "stackexchange") @PathParam("name") String name,
            @Parameter(description = "Run id", example = "1") @PathParam("id") long id) {
        return service.run(name, id);
    }
}
