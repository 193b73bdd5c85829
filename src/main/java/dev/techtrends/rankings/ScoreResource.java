package dev.techtrends.rankings;

import dev.techtrends.signals.SeriesResource;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/technologies/{slug}")
@Tag(name = "Scores")
public class ScoreResource {

    private final RankingService service;

    public ScoreResource(RankingService service) {
        this.service = service;
    }

    @GET
    @Path("score")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getScore", summary = "A technology's trend score, explained",
            description = "Popularity, momentum (percent per year), trend score, rank in the category, changes against "
                    + "the previous quarter and a year ago, stage, coverage and confidence; for each signal its "
                    + "freshness, raw share, level, normalised level, growth, weight and contribution; and 'why it "
                    + "moved': the change of the trend score split exactly per signal. Custom weights or a preset "
                    + "are recomputed from the stored per-signal components. A technology without data has coverage "
                    + "0 and null figures.")
    @APIResponse(responseCode = "200", description = "The score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreView.class)))
    public Uni<Response> score(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @Parameter(description = "Quarter (2025-Q3) or a date in it; default the newest scored quarter",
                    example = "2025-Q3") @QueryParam("asOf") String asOf,
            @Parameter(description = "signal:weight pairs, e.g. github_topic_developers:1,search_interest:0.5; "
                    + "signals left out weigh 0") @QueryParam("weights") String weights,
            @Parameter(description = "balanced (default), developers, learners or jobs",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"balanced", "developers", "learners", "jobs"}))
            @QueryParam("preset") String preset,
            @Parameter(description = "α in [0, 1], default 0.5: how much momentum counts in the trend score")
            @QueryParam("momentumWeight") String momentumWeight,
            @Parameter(description = "Scoring method: v1 (default) or v2", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"v1", "v2"})) @QueryParam("method") String method) {
        ScoreParameters parameters = ScoreParameters.parse(method, asOf, weights, preset, momentumWeight);
        return service.score(slug, parameters)
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getScoreHistory", summary = "A technology's score per quarter",
            description = "Popularity, momentum, trend score, rank, stage, coverage and confidence for every scored "
                    + "quarter up to asOf. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "The history",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.HistoryView.class)),
                    @Content(mediaType = SeriesResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Views.HistoryView> history(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @Parameter(description = "Last quarter (2025-Q3) or a date in it", example = "2025-Q3") @QueryParam("asOf") String asOf,
            @Parameter(description = "signal:weight pairs") @QueryParam("weights") String weights,
            @Parameter(description = "balanced, developers, learners or jobs") @QueryParam("preset") String preset,
            @Parameter(description = "α in [0, 1]") @QueryParam("momentumWeight") String momentumWeight,
            @Parameter(description = "Scoring method: v1 (default) or v2") @QueryParam("method") String method) {
        return service.history(slug, ScoreParameters.parse(method, asOf, weights, preset, momentumWeight));
    }

    @GET
    @Path("history")
    @Produces(SeriesResource.TEXT_CSV)
    @Operation(hidden = true)
    public Uni<String> historyCsv(@PathParam("slug") String slug, @QueryParam("asOf") String asOf,
            @QueryParam("weights") String weights, @QueryParam("preset") String preset,
            @QueryParam("momentumWeight") String momentumWeight, @QueryParam("method") String method) {
        return history(slug, asOf, weights, preset, momentumWeight, method).map(Csvs::history);
    }
}
