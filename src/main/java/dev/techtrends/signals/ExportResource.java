package dev.techtrends.signals;

import dev.techtrends.web.MediaTypes;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/export")
@Tag(name = "Signals")
public class ExportResource {

    private static final int FETCH_SIZE = 1000;

    private final SignalRepository repository;

    public ExportResource(SignalRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("observations.csv")
    @Produces(MediaTypes.TEXT_CSV)
    @Operation(operationId = "exportObservations", summary = "Every observation as CSV",
            description = "Streams all stored observations with their source and licence columns, read through a "
                    + "database cursor (constant memory). Respect each row's licence when you redistribute: "
                    + "CC BY-SA 4.0 rows (Stack Overflow questions) must stay CC BY-SA; ODbL 1.0 rows (source "
                    + "stackoverflow-survey, signal developer_usage) are a Derivative Database of the Stack Overflow "
                    + "Developer Survey and must stay under the Open Database License 1.0, with the attribution "
                    + "'Stack Overflow Developer Survey 2013–2024, Stack Overflow (Stack Exchange Inc.), licensed under "
                    + "ODbL 1.0; usage shares compiled by Tech Trends API (Derivative Database, ODbL 1.0).' "
                    + "(https://opendatacommons.org/licenses/odbl/1-0/). Every source's attribution: /api/v1/sources.")
    @APIResponse(responseCode = "200", description = "CSV, streamed",
            content = @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    example = "technology,category,signal,granularity,period_start,value,raw_value,source,licence,ingested_at\n"
                            + "nestjs,frameworks,github_topic_developers,quarter,2021-07-01,0.001234,1520.0,"
                            + "github-innovation-graph,CC0 1.0,2026-11-24T09:33:18.949Z\n"))
    public Multi<String> observations() {
        return repository.exportCsvLines(FETCH_SIZE);
    }
}
