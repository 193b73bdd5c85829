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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            description = "One line per technology of the chosen metric (trend, popularity, momentum, or rank in its "
                    + "category, drawn with rank 1 at the top) per quarter. With method v4, each line has its 90 % "
                    + "interval (for rank: the ranks it could hold) as a shaded band. scale=log draws a log axis, "
                    + "align=first-data starts every line at its first value. " + SIZE + ".")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = MediaTypes.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> compare(
            @Parameter(description = "Comma-separated technology slugs, 1 to 10 (or the parameter repeated)",
                    example = "nestjs,express,fastapi", required = true, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("technologies") List<String> technologies,
            @Parameter(description = "The figure drawn", example = "trend")
            @QueryParam("metric") @DefaultValue("trend") CompareMetric metric,
            @Parameter(description = "First quarter drawn", example = "2021-Q1") @QueryParam("from") String from,
            @Parameter(description = "Last quarter drawn", example = "2025-Q2") @QueryParam("to") String to,
            @BeanParam LineOptions options,
            @BeanParam ChartLook look,
            @BeanParam ScoreQuery query) {
        List<String> slugs = QueryParameters.slugs("technologies", technologies, 1, RankingService.MAX_COMPARED);
        ChartMetric drawn = metric.drawn;
        SvgChart.Scale scale = scaleOf(options.scale(), drawn);
        Frame frame = Frame.parse(from, to, look);
        return rankings.compareWithHistories(slugs, query).map(data -> lineChart(capitalised(drawn.title)
                + " compared", data.compare().quarters(), figureSeries(data, drawn), drawn, data.compare(), frame,
                scale, options.align()));
    }

    @GET
    @Path("rankings/chart.svg")
    @Produces(MediaTypes.IMAGE_SVG)
    @Operation(operationId = "getRankingChart", summary = "A ranking as an SVG bar chart",
            description = "The category's ranking (or the overall one) by trend, popularity or momentum, one bar per "
                    + "technology in rank order; with method v4, each bar's 90 % interval as a whisker and the tiers "
                    + "as bands. scale=log draws the bars on a log axis (not for momentum, which is often negative: "
                    + "400). " + SIZE + ".")
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
            @Parameter(description = "The value axis: linear, or log (base 10; bars of 0 or below are left out)",
                    example = "linear")
            @QueryParam("scale") @DefaultValue("linear") ChartScale scale,
            @BeanParam ChartLook look,
            @BeanParam ScoreQuery query) {
        ChartMetric drawn = ChartMetric.of(sort);
        SvgChart.Scale axis = scaleOf(scale, drawn);
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
            return SvgChart.bars(what, description, bars, axisLabel(drawn, axis), attribution(view.sources()),
                    frame.width, frame.height, frame.theme, axis);
        });
    }

    /**
     * The value scale of a metric's axis: ranks run downwards (1 on top); a log axis of momentum is refused, as most
     * momenta of a chart would not be drawn (a change of 0 % or less has no logarithm).
     */
    public static SvgChart.Scale scaleOf(ChartScale scale, ChartMetric drawn) {
        boolean log = scale == ChartScale.LOG;
        if (log && drawn == ChartMetric.MOMENTUM) {
            throw new InvalidInputException("scale", "log takes positive values only; momentum is a percent change, "
                    + "often 0 or below: use linear");
        }
        return new SvgChart.Scale(log, drawn == ChartMetric.RANK);
    }

    static String axisLabel(ChartMetric drawn, SvgChart.Scale scale) {
        return drawn.axis + (scale.log() ? ", log scale" : "");
    }

    /**
     * One line per compared technology: the figure per quarter of the comparison, and where the history has them
     * (method v4) its interval's ends, drawn as a band.
     */
    static List<SvgChart.Series> figureSeries(RankingService.ComparedHistories data, ChartMetric drawn) {
        List<String> quarters = data.compare().quarters();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < quarters.size(); i++) {
            index.put(quarters.get(i), i);
        }
        List<SvgChart.Series> series = new ArrayList<>();
        for (int t = 0; t < data.histories().size(); t++) {
            List<Double> values = new ArrayList<>(Collections.nCopies(quarters.size(), (Double) null));
            List<Double> low = new ArrayList<>(values);
            List<Double> high = new ArrayList<>(values);
            boolean interval = false;
            for (Views.HistoryPoint point : data.histories().get(t)) {
                Integer i = index.get(point.quarter());
                if (i != null) {
                    values.set(i, drawn.of(point));
                    low.set(i, drawn.low(point));
                    high.set(i, drawn.high(point));
                    interval |= low.get(i) != null;
                }
            }
            series.add(new SvgChart.Series(data.compare().technologies().get(t).name(), values,
                    interval ? low : null, interval ? high : null));
        }
        return series;
    }

    static String lineChart(String title, List<String> quarters, List<SvgChart.Series> series, ChartMetric drawn,
                            Views.CompareView compare, Frame frame, SvgChart.Scale scale, ChartAlign align) {
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
        List<SvgChart.Series> cut = series.stream().map(s -> s.cut(from, to)).toList();
        String range = shown.isEmpty() ? "no quarters" : shown.get(0) + " to " + shown.get(shown.size() - 1);
        if (align == ChartAlign.FIRST_DATA) {
            cut = fromFirstData(cut);
            shown = sinceFirstData(cut.stream().mapToInt(s -> s.values().size()).max().orElse(0));
            title += ", from each one's first data";
            range += ", each line from its first value";
        }
        String description = title + ", " + range + " (method " + compare.method() + ")"
                + (scale.log() ? ", log scale" : "") + ", one line per "
                + (drawn == ChartMetric.SIGNALS ? "signal" : "technology") + ": " + cut.stream().map(s -> s.name()
                + (lastValue(s) == null ? " (no data)" : " ends at " + String.format(Locale.ROOT, "%.1f",
                lastValue(s)))).collect(Collectors.joining(", ")) + ".";
        return SvgChart.lines(title, description, shown, cut, axisLabel(drawn, scale), attribution(compare.sources()),
                frame.width, frame.height, frame.theme, scale);
    }

    /**
     * Each line shifted so that its first value is at x = 0, padded with gaps to the longest (which sets the axis):
     * SvgChart draws every series over the same x labels.
     */
    private static List<SvgChart.Series> fromFirstData(List<SvgChart.Series> series) {
        List<SvgChart.Series> shifted = series.stream().map(line -> {
            int start = 0;
            while (start < line.values().size() && line.values().get(start) == null) {
                start++;
            }
            return line.cut(start, line.values().size());
        }).toList();
        int length = shifted.stream().mapToInt(line -> line.values().size()).max().orElse(0);
        return shifted.stream().map(line -> new SvgChart.Series(line.name(), padded(line.values(), length),
                line.low() == null ? null : padded(line.low(), length),
                line.high() == null ? null : padded(line.high(), length))).toList();
    }

    private static List<Double> padded(List<Double> values, int length) {
        List<Double> padded = new ArrayList<>(values);
        while (padded.size() < length) {
            padded.add(null);
        }
        return padded;
    }

    /** The x labels of an axis of quarters since the first data: +0 q, +1 q, … */
    private static List<String> sinceFirstData(int quarters) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < quarters; i++) {
            labels.add("+" + i + " q");
        }
        return labels;
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
