package dev.techtrends.signals;

import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.cache.CachedRead;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/technologies/{slug}/series")
@Tag(name = "Signals")
@CachedRead
public class SeriesResource {

    private final SeriesService service;

    public SeriesResource(SeriesService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "getSeries", summary = "Time series of a technology's signals",
            description = "Values per period for each signal that covers the technology, as shares of the source's "
                    + "universe, with the raw count where the source has one, and the attribution of every source "
                    + "used. granularity=quarter averages the three months of a quarter (a quarter with a missing "
                    + "month is left out, never filled). Send Accept: text/csv for CSV with source and licence columns. "
                    + "A technology no source covers (Quarkus) answers an empty list.")
    @APIResponse(responseCode = "200", description = "The series",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesView.class)),
                    @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                            example = "technology,signal,granularity,period,period_start,value,raw,source,licence\n"
                                    + "nestjs,github_topic_developers,quarter,2021-Q3,2021-07-01,0.00123,1520,"
                                    + "github-innovation-graph,CC0 1.0\n")})
    public Uni<SeriesView> series(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @Parameter(description = "Only this signal (see /api/v1/signals)", example = "github_topic_developers")
            @QueryParam("signal") String signal,
            @Parameter(description = "First period: a date, a month (2021-07) or a quarter (2021-Q3)", example = "2021-Q3")
            @QueryParam("from") String from,
            @Parameter(description = "Last period, inclusive, in the same forms", example = "2025-Q3")
            @QueryParam("to") String to,
            @Parameter(description = "Each signal's own periods, or monthly values averaged per quarter",
                    example = "quarter")
            @QueryParam("granularity") @DefaultValue("native") SeriesGranularity granularity) {
        return service.series(slug, QueryParameters.optional(signal), PeriodRange.parse(from, to), granularity);
    }
}
