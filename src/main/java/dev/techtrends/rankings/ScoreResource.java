package dev.techtrends.rankings;

import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.cache.CachedRead;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/technologies/{slug}")
@Tag(name = "Scores")
@CachedRead
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
    public Uni<ScoreView> score(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @BeanParam ScoreQuery query) {
        return service.score(slug, query);
    }

    @GET
    @Path("history")
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "getScoreHistory", summary = "A technology's score per quarter",
            description = "Popularity, momentum, trend score, rank, stage, coverage and confidence for every scored "
                    + "quarter up to asOf. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "The history",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.HistoryView.class)),
                    @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Views.HistoryView> history(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @BeanParam ScoreQuery query) {
        return service.history(slug, query);
    }
}
