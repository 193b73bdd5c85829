package dev.techtrends.signals.ingestion;

import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.problem.NoSuchResourceException;
import dev.techtrends.web.problem.Problem;
import dev.techtrends.web.security.ApiKeyIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ingestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingestion")
@RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
@SecurityRequirement(name = "apiKey")
public class IngestionResource {

    private final IngestionService service;
    private final SecurityIdentity identity;
    private final UploadSizeLimit sizeLimit;

    public IngestionResource(IngestionService service, SecurityIdentity identity, UploadSizeLimit sizeLimit) {
        this.service = service;
        this.identity = identity;
        this.sizeLimit = sizeLimit;
    }

    private static final String DESCRIPTION = "Upload observations as a JSON array, NDJSON (one object per line) or "
            + "CSV with a header. Each row: signal, technology (a slug) or sourceKey (a key mapped to a technology "
            + "for that signal; several keys of one technology in one period are summed), period (2025-07 or "
            + "2025-07-01 for monthly signals, 2025-Q3 or 2025-07-01 for quarterly ones, 2024 or 2024-01-01 for yearly ones), value (a share within the "
            + "signal's range, see /api/v1/signals) and optionally raw (the count behind the share). Every row is "
            + "checked first; one bad row rejects the whole upload with up to 100 row errors and nothing is written. "
            + "A valid upload is upserted in one transaction on (technology, signal, period): sending it again "
            + "changes nothing. Scores of the affected categories are recomputed afterwards.";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestJson", summary = "Upload observations (JSON array or NDJSON, admin)",
            description = DESCRIPTION)
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two rows", value = """
                    [{"signal":"github_topic_developers","technology":"nestjs","period":"2025-Q3","value":0.00041,"raw":540},
                     {"signal":"job_postings","sourceKey":"NestJS","period":"2024-05","value":0.012}]""")),
            @Content(mediaType = MediaTypes.NDJSON, examples = @ExampleObject(name = "two lines", value = """
                    {"signal":"github_topic_developers","technology":"nestjs","period":"2025-Q3","value":0.00041}
                    {"signal":"job_postings","technology":"nestjs","period":"2024-05","value":0.012}""")),
            @Content(mediaType = MediaTypes.TEXT_CSV, examples = @ExampleObject(name = "csv", value = """
                    signal,technology,period,value,raw
                    github_topic_developers,nestjs,2025-Q3,0.00041,540"""))})
    @APIResponse(responseCode = "201", description = "Accepted and stored; Location names the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestionReport.class)))
    @APIResponse(responseCode = "413", description = "Body larger than tech-trends.ingestion.max-body-size (5 MB by default)",
            content = @Content(mediaType = MediaTypes.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ingestJson(String body, @Context UriInfo uriInfo) {
        return ingest(UploadFormat.JSON, body, uriInfo);
    }

    @POST
    @Consumes(MediaTypes.NDJSON)
    @Operation(hidden = true)
    public Uni<Response> ingestNdjson(String body, @Context UriInfo uriInfo) {
        return ingest(UploadFormat.NDJSON, body, uriInfo);
    }

    @POST
    @Consumes(MediaTypes.TEXT_CSV)
    @Operation(hidden = true)
    public Uni<Response> ingestCsv(String body, @Context UriInfo uriInfo) {
        return ingest(UploadFormat.CSV, body, uriInfo);
    }

    private Uni<Response> ingest(UploadFormat format, String body, UriInfo uriInfo) {
        if (body != null && sizeLimit.exceeds(body)) {
            return Uni.createFrom().item(sizeLimit.tooLarge(uriInfo.getPath()));
        }
        return service.ingest(format, body == null ? "" : body, identity.getPrincipal().getName())
                .map(report -> Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(report.id()))
                        .build()).entity(report).build());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIngestion", summary = "Report of an upload (admin)",
            description = "Rows received and how many observations were inserted, updated or already up to date.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestionReport.class)))
    public Uni<IngestionReport> report(@Parameter(description = "Ingestion id", example = "1") @PathParam("id") long id) {
        return service.report(id).onItem().ifNull().failWith(() -> new NoSuchResourceException("No ingestion has the id " + id + "."));
    }
}
