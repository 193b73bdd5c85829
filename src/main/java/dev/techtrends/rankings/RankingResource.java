package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.MethodV2;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.signals.SeriesResource;
import dev.techtrends.web.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
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
public class RankingResource {

    private final RankingService service;
    private final ScoreReads reads;

    public RankingResource(RankingService service, ScoreReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @GET
    @Path("rankings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRankings", summary = "Rank technologies by trend, popularity or momentum",
            description = "With category: the category's ranking, each figure relative to the category's leaders. "
                    + "Without: the overall ranking across categories by the same figures (each technology scored "
                    + "within its own category). rankChange compares with the previous quarter. Technologies without "
                    + "data are listed last with null figures. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RankingView.class)),
                    @Content(mediaType = SeriesResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Views.RankingView> rankings(
            @Parameter(description = "Category slug; none for the overall ranking", example = "architecture")
            @QueryParam("category") String category,
            @Parameter(description = "Quarter (2025-Q3) or a date in it; default the newest scored quarter",
                    example = "2025-Q3") @QueryParam("asOf") String asOf,
            @Parameter(description = "trend (default), popularity or momentum", example = "trend",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"trend", "popularity", "momentum"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "signal:weight pairs, e.g. github_topic_developers:1,job_postings:1")
            @QueryParam("weights") String weights,
            @Parameter(description = "balanced (default), developers, learners or jobs", example = "balanced",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"balanced", "developers", "learners", "jobs"}))
            @QueryParam("preset") String preset,
            @Parameter(description = "α in [0, 1], default 0.5") @QueryParam("momentumWeight") String momentumWeight,
            @Parameter(description = "At most this many items, 1 to 100", example = "10") @QueryParam("limit") String limit,
            @Parameter(description = "Scoring method: v1 (default) or v2, see /methodology?method=v2",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"v1", "v2"}))
            @QueryParam("method") String method) {
        ScoreParameters parameters = ScoreParameters.parse(method, asOf, weights, preset, momentumWeight);
        Ranking.Order order = parseOrder(sort);
        return service.ranking(blankToNull(category), parameters, order, Limits.parse(limit, 100));
    }

    @GET
    @Path("rankings")
    @Produces(SeriesResource.TEXT_CSV)
    @Operation(hidden = true)
    public Uni<String> rankingsCsv(@QueryParam("category") String category, @QueryParam("asOf") String asOf,
            @QueryParam("sort") String sort, @QueryParam("weights") String weights, @QueryParam("preset") String preset,
            @QueryParam("momentumWeight") String momentumWeight, @QueryParam("limit") String limit,
            @QueryParam("method") String method) {
        return rankings(category, asOf, sort, weights, preset, momentumWeight, limit, method)
                .map(view -> Csvs.items(view.items()));
    }

    @GET
    @Path("movers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMovers", summary = "The fastest rising or fading technologies",
            description = "Technologies ordered by momentum (year-on-year growth), across categories or in one. "
                    + "Scores with confidence low are left out unless includeLowConfidence=true. Accept: text/csv "
                    + "gives CSV.")
    @APIResponse(responseCode = "200", description = "The movers",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.MoversView.class)),
                    @Content(mediaType = SeriesResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Views.MoversView> movers(
            @Parameter(description = "rising (default) or fading", example = "rising",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"rising", "fading"}))
            @QueryParam("direction") String direction,
            @Parameter(description = "Category slug; none for all", example = "frameworks") @QueryParam("category") String category,
            @Parameter(description = "Quarter (2025-Q3) or a date in it", example = "2025-Q3") @QueryParam("asOf") String asOf,
            @Parameter(description = "Include scores with confidence low", example = "false")
            @QueryParam("includeLowConfidence") String includeLowConfidence,
            @Parameter(description = "At most this many, 1 to 100 (default 5)", example = "5") @QueryParam("limit") String limit,
            @Parameter(description = "Scoring method: v1 (default) or v2",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"v1", "v2"}))
            @QueryParam("method") String method) {
        return service.movers(method, direction, blankToNull(category), asOf, parseBoolean(includeLowConfidence),
                Limits.parse(limit, 5));
    }

    @GET
    @Path("movers")
    @Produces(SeriesResource.TEXT_CSV)
    @Operation(hidden = true)
    public Uni<String> moversCsv(@QueryParam("direction") String direction, @QueryParam("category") String category,
            @QueryParam("asOf") String asOf, @QueryParam("includeLowConfidence") String includeLowConfidence,
            @QueryParam("limit") String limit, @QueryParam("method") String method) {
        return movers(direction, category, asOf, includeLowConfidence, limit, method)
                .map(view -> Csvs.items(view.items()));
    }

    @GET
    @Path("compare")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "compareTechnologies", summary = "Compare up to 10 technologies over time",
            description = "Trend score, popularity and momentum history and per-signal quarterly shares and normalised "
                    + "levels, aligned on one quarter axis (null where a technology has no value).")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CompareView.class)))
    public Uni<Views.CompareView> compare(
            @Parameter(description = "Comma-separated technology slugs, 1 to 10", example = "nestjs,express,fastapi")
            @QueryParam("technologies") String technologies,
            @Parameter(description = "Last quarter (2025-Q3) or a date in it", example = "2025-Q3") @QueryParam("asOf") String asOf) {
        if (technologies == null || technologies.isBlank()) {
            throw new InvalidInputException("technologies", "is required: 1 to 10 comma-separated slugs");
        }
        List<String> slugs = Arrays.stream(technologies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (slugs.isEmpty() || slugs.size() > 10) {
            throw new InvalidInputException("technologies", "must name 1 to 10 technologies, got " + slugs.size());
        }
        return service.compare(slugs, asOf);
    }

    @GET
    @Path("methodology")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMethodology", summary = "How scores are computed",
            description = "The method version, its formulas in words, default weights, presets, stage and confidence "
                    + "thresholds, the scored range and the attribution of every source.")
    @APIResponse(responseCode = "200", description = "The methodology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.MethodologyView.class)))
    public Uni<Views.MethodologyView> methodology(
            @Parameter(description = "v1 (default) or v2", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"v1", "v2"})) @QueryParam("method") String method) {
        ScoreParameters parameters = ScoreParameters.parse(method, null, null, null, null);
        boolean v2 = parameters.isV2();
        return reads.run(parameters.method()).chain(run -> service.allSources()
                .map(sources -> new Views.MethodologyView(parameters.method(), run.asOf().toString(),
                        run.firstQuarter().toString(), v2 ? Methodology.FORMULAS_V2 : Methodology.FORMULAS,
                        v2 ? MethodV2.publishedParameters() : MethodV1.publishedParameters(),
                        v2 ? Methodology.CAVEATS_V2 : Methodology.CAVEATS, sources)));
    }

    static Ranking.Order parseOrder(String sort) {
        if (sort == null || sort.isBlank()) {
            return Ranking.Order.TREND;
        }
        try {
            return Ranking.Order.parse(sort.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", "must be trend, popularity or momentum, got '" + sort + "'");
        }
    }

    private static boolean parseBoolean(String text) {
        if (text == null || text.isBlank() || text.strip().equals("false")) {
            return false;
        }
        if (text.strip().equals("true")) {
            return true;
        }
        throw new InvalidInputException("includeLowConfidence", "must be true or false, got '" + text + "'");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
