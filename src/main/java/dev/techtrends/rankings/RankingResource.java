package dev.techtrends.rankings;

import dev.techtrends.scoring.Direction;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.cache.CachedRead;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Scores")
@CachedRead
public class RankingResource {

    private final RankingService service;
    private final MethodologyService methodology;
    private final ValidationService validation;

    public RankingResource(RankingService service, MethodologyService methodology, ValidationService validation) {
        this.service = service;
        this.methodology = methodology;
        this.validation = validation;
    }

    @GET
    @Path("rankings")
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "getRankings", summary = "Rank technologies by trend, popularity or momentum",
            description = "With category: the category's ranking, each figure relative to the category's leaders. "
                    + "Without: the overall ranking across categories by the same figures (each technology scored "
                    + "within its own category). rankChange compares with the previous quarter. Technologies without "
                    + "data are listed last with null figures. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.RankingView.class)),
                    @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Views.RankingView> rankings(
            @Parameter(description = "Category slug; none for the overall ranking", example = "architecture")
            @QueryParam("category") String category,
            @Parameter(description = "The figure ranked by", example = "trend")
            @QueryParam("sort") @DefaultValue("trend") ScoreOrder sort,
            @Parameter(description = "At most this many items, 1 to 500 (default 500: all)", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "500")) @QueryParam("limit") String limit,
            @BeanParam ScoreQuery query) {
        return service.ranking(QueryParameters.optional(category), query, sort,
                QueryParameters.boundedInt("limit", limit, PageRequest.MAX_SIZE, 1, PageRequest.MAX_SIZE));
    }

    @GET
    @Path("movers")
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "getMovers", summary = "The fastest rising or fading technologies",
            description = "The technologies moving one way, across categories or in one, ordered by momentum: rising "
                    + "or fading only when the momentum (method v4: its whole 90 % interval) lies on that side of 0, "
                    + "steady otherwise, so a fading list never holds a riser. Scores with confidence low are left "
                    + "out unless includeLowConfidence=true. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "The movers",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.MoversView.class)),
                    @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Views.MoversView> movers(
            @Parameter(description = "rising: fastest growth first; fading: fastest decline first; steady: those "
                    + "whose momentum cannot be told from 0, highest first", example = "rising")
            @QueryParam("direction") @DefaultValue("rising") Direction direction,
            @Parameter(description = "Category slug; none for all", example = "frameworks") @QueryParam("category") String category,
            @Parameter(description = "Include scores with confidence low", example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("includeLowConfidence") String includeLowConfidence,
            @Parameter(description = "At most this many, 1 to 100 (default 5)", example = "5",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "5")) @QueryParam("limit") String limit,
            @BeanParam ScoreQuery query) {
        return service.movers(direction, QueryParameters.optional(category), query,
                QueryParameters.bool("includeLowConfidence", includeLowConfidence),
                QueryParameters.boundedInt("limit", limit, 5, 1, 100));
    }

    @GET
    @Path("compare")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "compareTechnologies", summary = "Compare up to 10 technologies over time",
            description = "Trend score, popularity and momentum history and per-signal quarterly shares and normalised "
                    + "levels, aligned on one quarter axis up to asOf (null where a technology has no value). "
                    + "Weights, preset and momentumWeight recompute the histories as for /score.")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.CompareView.class)))
    public Uni<Views.CompareView> compare(
            @Parameter(description = "Comma-separated technology slugs, 1 to 10 (or the parameter repeated)",
                    example = "nestjs,express,fastapi", required = true, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("technologies") List<String> technologies,
            @BeanParam ScoreQuery query) {
        List<String> slugs = QueryParameters.slugs("technologies", technologies, 1, RankingService.MAX_COMPARED);
        return service.compare(slugs, query);
    }

    @GET
    @Path("methodology")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMethodology", summary = "How scores are computed",
            description = "The method version, its formulas in words, default weights, presets, stage and confidence "
                    + "thresholds, the scored range and the attribution of every source.")
    @APIResponse(responseCode = "200", description = "The methodology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.MethodologyView.class)))
    public Uni<Views.MethodologyView> methodology(
            @Parameter(description = "Scoring method version; default the default method", example = "v3")
            @QueryParam("method") String method) {
        return methodology.methodology(method);
    }

    @GET
    @Path("methodology/validation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMethodologyValidation", summary = "How well a method's rankings matched later surveys",
            description = "For each Stack Overflow Developer Survey edition from 2019 and each category with at least "
                    + "4 surveyed technologies: Spearman's rank correlation of the method's popularity, computed as of "
                    + "the quarter before the edition was published from the data known then, with the usage the "
                    + "edition reported; next to the correlation that the previous edition alone achieves.")
    @APIResponse(responseCode = "200", description = "The method's record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Views.ValidationView.class)))
    public Uni<Views.ValidationView> validation(
            @Parameter(description = "Scoring method version; default the default method", example = "v3")
            @QueryParam("method") String method) {
        return validation.validation(method);
    }
}
