package dev.techtrends.charts;

import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.rankings.Views;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.cache.CachedRead;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A technology's chart, under the technology's path (a resource of its own: JAX-RS matches the longest class path
 * first, so /technologies/{slug}/… never reaches a resource at /api/v1).
 */
@Path("/api/v1/technologies/{slug}")
@Tag(name = "Charts")
@CachedRead
public class TechnologyChartResource {

    private final RankingService rankings;

    public TechnologyChartResource(RankingService rankings) {
        this.rankings = rankings;
    }

    @GET
    @Path("chart.svg")
    @Produces(MediaTypes.IMAGE_SVG)
    @Operation(operationId = "getTechnologyChart", summary = "A technology's history as an SVG line chart",
            description = "metric=trend (default), popularity or momentum draws that figure per quarter, rank its rank "
                    + "in the category (rank 1 at the top); signals draws each signal's normalised level, one line per "
                    + "signal. With method v4 the figure's 90 % interval (for rank: the ranks it could hold) is a "
                    + "shaded band around the line. scale=log draws a log axis, align=first-data counts quarters from "
                    + "the first value. For <img src>: no script, no external reference, the sources' attribution "
                    + "inside. " + ChartResource.SIZE + ".")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = MediaTypes.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> technology(
            @Parameter(description = "Technology slug", example = "quarkus") @PathParam("slug") String slug,
            @Parameter(description = "A figure of the score, the rank, or each signal's normalised level",
                    example = "trend")
            @QueryParam("metric") @DefaultValue("trend") ChartMetric metric,
            @Parameter(description = "First quarter drawn (2023-Q1), or a month or date in it", example = "2021-Q1")
            @QueryParam("from") String from,
            @Parameter(description = "Last quarter drawn", example = "2025-Q2") @QueryParam("to") String to,
            @BeanParam LineOptions options,
            @BeanParam ChartLook look,
            @BeanParam ScoreQuery query) {
        ChartMetric drawn = metric;
        SvgChart.Scale scale = ChartResource.scaleOf(options.scale(), drawn);
        ChartResource.Frame frame = ChartResource.Frame.parse(from, to, look);
        return rankings.compareWithHistories(List.of(slug), query).map(data -> {
            Views.ComparedTechnology technology = data.compare().technologies().get(0);
            List<SvgChart.Series> series = new ArrayList<>();
            if (drawn == ChartMetric.SIGNALS) {
                technology.signals().forEach((signal, values) -> series.add(new SvgChart.Series(signal,
                        values.normalisedLevel())));
            } else {
                series.addAll(ChartResource.figureSeries(data, drawn));
            }
            return ChartResource.lineChart(technology.name() + ": " + drawn.title, data.compare().quarters(), series,
                    drawn, data.compare(), frame, scale, options.align());
        });
    }

    @GET
    @Path("why.svg")
    @Produces(MediaTypes.IMAGE_SVG)
    @Operation(operationId = "getTechnologyMovesChart", summary = "Why a technology's trend score moved, as SVG bars",
            description = "One bar per signal: its part of the trend score's change since the quarter before "
                    + "(since=quarter) or a year before (since=year, the default). The bars sum to the change, as "
                    + "whyItMoved of /score does. " + ChartResource.SIZE + ".")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = MediaTypes.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> why(
            @Parameter(description = "Technology slug", example = "quarkus") @PathParam("slug") String slug,
            @Parameter(description = "The reference the change is measured against: a year or a quarter before",
                    example = "year")
            @QueryParam("since") @DefaultValue("year") ChangeReference since,
            @BeanParam ChartLook look,
            @BeanParam ScoreQuery query) {
        boolean sinceYear = since == ChangeReference.YEAR;
        ChartResource.Frame frame = ChartResource.Frame.parse(null, null, look);
        return rankings.score(slug, query).map(score -> {
            ScoreView.Change change = sinceYear ? score.sinceYearAgo() : score.sincePreviousQuarter();
            List<ScoreView.SignalMove> moves = change == null || change.whyItMoved() == null ? List.of()
                    : change.whyItMoved();
            List<SvgChart.Bar> bars = moves.stream().map(move -> new SvgChart.Bar(move.signal(), move.change()))
                    .toList();
            String reference = change == null || change.quarter() == null ? "the reference quarter" : change.quarter();
            String title = score.name() + ": why the trend score moved since " + reference;
            String description = change == null || change.trendScoreDelta() == null
                    ? title + ": no trend score to compare with."
                    : String.format(Locale.ROOT, "%s, %s to %s: %+.1f in all. ", title, reference, score.asOf(),
                    change.trendScoreDelta()) + moves.stream().map(move -> String.format(Locale.ROOT, "%s %+.2f",
                    move.signal(), move.change())).collect(Collectors.joining(", ")) + ".";
            return SvgChart.bars(title, description, bars, "change of its part of the trend score (points)",
                    ChartResource.attribution(score.sources()), frame.width(), frame.height(), frame.theme());
        });
    }
}
