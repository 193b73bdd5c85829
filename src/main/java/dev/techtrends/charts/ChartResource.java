package dev.techtrends.charts;

import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.rankings.Views;
import dev.techtrends.scoring.Period;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * Embeddable SVG charts of the JSON reads: the same data (RankingService), drawn by {@link SvgChart}, ETag-cached like
 * every public read.
 */
@Path("/api/v1")
@Tag(name = "Charts")
@CachedRead
public class ChartResource {

    static final String SIZE = "width 320 to 2000 (default 800), height 200 to 1200 (default 400)";

    private final RankingService rankings;

    public ChartResource(RankingService rankings) {
        this.rankings = rankings;
    }

    @GET
    @Path("compare/chart.svg")
    @Produces(MediaTypes.IMAGE_SVG)
    @Operation(operationId = "getCompareChart", summary = "Up to 10 technologies on one SVG line chart",
            description = "One line per technology of the chosen metric (trend, popularity or momentum) per quarter. "
                    + SIZE + ".")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = MediaTypes.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> compare(
            @Parameter(description = "Comma-separated technology slugs, 1 to 10 (or the parameter repeated)",
                    example = "nestjs,express,fastapi", required = true, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("technologies") List<String> technologies,
            @Parameter(description = "The figure drawn", example = "trend")
            @QueryParam("metric") @DefaultValue("trend") ScoreOrder metric,
            @Parameter(description = "First quarter drawn", example = "2021-Q1") @QueryParam("from") String from,
            @Parameter(description = "Last quarter drawn", example = "2025-Q2") @QueryParam("to") String to,
            @BeanParam ChartLook look,
            @BeanParam ScoreQuery query) {
        List<String> slugs = QueryParameters.slugs("technologies", technologies, 1, RankingService.MAX_COMPARED);
        ChartMetric drawn = ChartMetric.of(metric);
        Frame frame = Frame.parse(from, to, look);
        return rankings.compare(slugs, query).map(compare -> {
            List<SvgChart.Series> series = compare.technologies().stream()
                    .map(technology -> new SvgChart.Series(technology.name(), drawn.of(technology))).toList();
            return lineChart(capitalised(drawn.title) + " compared", compare.quarters(), series, drawn, compare, frame);
        });
    }

    @GET
    @Path("rankings/chart.svg")
    @Produces(MediaTypes.IMAGE_SVG)
    @Operation(operationId = "getRankingChart", summary = "A ranking as an SVG bar chart",
            description = "The category's ranking (or the overall one) by trend, popularity or momentum, one bar per "
                    + "technology in rank order; with method v4, each bar's 90 % interval as a whisker and the tiers "
                    + "as bands. " + SIZE + ".")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = MediaTypes.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> ranking(
            @Parameter(description = "Category slug; none for the overall ranking", example = "frameworks")
            @QueryParam("category") String category,
            @Parameter(description = "The figure ranked by and drawn", example = "trend")
            @QueryParam("sort") @DefaultValue("trend") ScoreOrder sort,
            @Parameter(description = "The first this many of the ranking, 1 to 500 (default 500: all)", example = "15",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "500"))
            @QueryParam("limit") String limit,
            @BeanParam ChartLook look,
            @BeanParam ScoreQuery query) {
        ChartMetric drawn = ChartMetric.of(sort);
        Frame frame = Frame.parse(null, null, look);
        return rankings.ranking(QueryParameters.optional(category), query, sort,
                QueryParameters.boundedInt("limit", limit, PageRequest.MAX_SIZE, 1, PageRequest.MAX_SIZE)).map(view -> {
            List<SvgChart.Bar> bars = view.items().stream().map(item -> {
                Views.Interval interval = drawn.intervalOf(item);
                return new SvgChart.Bar(item.name(), drawn.of(item), interval == null ? null : interval.low(),
                        interval == null ? null : interval.high(), item.tier());
            }).toList();
            String what = (view.category() == null ? "All technologies" : capitalised(view.category())) + " by "
                    + drawn.title + ", " + view.asOf();
            String description = what + " (method " + view.method() + "): " + view.items().stream()
                    .filter(item -> drawn.of(item) != null)
                    .map(item -> item.name() + " " + String.format(Locale.ROOT, "%.1f", drawn.of(item))
                            + (item.tier() == null ? "" : " (tier " + item.tier() + ")"))
                    .collect(Collectors.joining(", ")) + ".";
            return SvgChart.bars(what, description, bars, drawn.axis, attribution(view.sources()), frame.width,
                    frame.height, frame.theme);
        });
    }

    static String lineChart(String title, List<String> quarters, List<SvgChart.Series> series, ChartMetric drawn,
                                    Views.CompareView compare, Frame frame) {
        int first = 0;
        int last = quarters.size() - 1;
        // Without a from, the chart starts where the first line does, not at the oldest quarter of any source.
        while (first <= last && (frame.from != null ? Quarter.parse(quarters.get(first)).isBefore(frame.from)
                : noValueAt(series, first))) {
            first++;
        }
        while (last >= first && frame.to != null && Quarter.parse(quarters.get(last)).isAfter(frame.to)) {
            last--;
        }
        int from = first;
        int to = last + 1;
        List<String> shown = quarters.subList(from, to);
        List<SvgChart.Series> cut = series.stream()
                .map(s -> new SvgChart.Series(s.name(), s.values().subList(from, to))).toList();
        String range = shown.isEmpty() ? "no quarters" : shown.get(0) + " to " + shown.get(shown.size() - 1);
        String description = title + ", " + range + " (method " + compare.method() + "), one line per "
                + (drawn == ChartMetric.SIGNALS ? "signal" : "technology") + ": " + cut.stream().map(s -> s.name()
                + (lastValue(s) == null ? " (no data)" : " ends at " + String.format(Locale.ROOT, "%.1f",
                lastValue(s)))).collect(Collectors.joining(", ")) + ".";
        return SvgChart.lines(title, description, shown, cut, drawn.axis, attribution(compare.sources()),
                frame.width, frame.height, frame.theme);
    }

    private static boolean noValueAt(List<SvgChart.Series> series, int index) {
        return series.stream().allMatch(line -> line.values().get(index) == null);
    }

    private static Double lastValue(SvgChart.Series series) {
        for (int i = series.values().size() - 1; i >= 0; i--) {
            if (series.values().get(i) != null) {
                return series.values().get(i);
            }
        }
        return null;
    }

    /** Each source by name and licence, in one line: what CC BY and ODbL ask of an image that shows their data. */
    static String attribution(List<ScoreView.Attribution> sources) {
        return "Sources: " + sources.stream().map(source -> source.name() + " (" + source.licence() + ")")
                .collect(Collectors.joining("; ")) + ". Tech Trends API.";
    }

    private static String capitalised(String slug) {
        return slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1);
    }

    /** Size, theme and quarters drawn. */
    record Frame(int width, int height, ChartTheme theme, Quarter from, Quarter to) {
        static Frame parse(String from, String to, ChartLook look) {
            int w = QueryParameters.boundedInt("width", look.width(), 800, 320, 2000);
            int h = QueryParameters.boundedInt("height", look.height(), 400, 200, 1200);
            return new Frame(w, h, look.theme(), quarter("from", from), quarter("to", to));
        }

        private static Quarter quarter(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Period.parse(text).quarter();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, e.getMessage());
            }
        }
    }
}
