package dev.techtrends.signals;

import dev.techtrends.catalogue.CatalogueRepository;
import dev.techtrends.scoring.Components;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.web.InvalidInputException;
import dev.techtrends.web.NotFoundProblem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/technologies/{slug}/series")
@Tag(name = "Signals")
public class SeriesResource {

    public static final String TEXT_CSV = "text/csv";

    private final SignalRepository signals;
    private final CatalogueRepository catalogue;

    public SeriesResource(SignalRepository signals, CatalogueRepository catalogue) {
        this.signals = signals;
        this.catalogue = catalogue;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSeries", summary = "Time series of a technology's signals",
            description = "Values per period for each signal that covers the technology, as shares of the source's "
                    + "universe, with the raw count where the source has one, and the attribution of every source "
                    + "used. granularity=quarter averages the three months of a quarter (a quarter with a missing "
                    + "month is left out, never filled). Send Accept: text/csv for CSV with source and licence columns. "
                    + "A technology no source covers (Quarkus) answers an empty list.")
    @APIResponse(responseCode = "200", description = "The series",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesView.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
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
            @Parameter(description = "native or quarter", example = "quarter",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"native", "quarter"}))
            @QueryParam("granularity") String granularity) {
        PeriodRange range = PeriodRange.parse(from, to);
        boolean quarterly = parseGranularity(granularity);
        String signalKey = signal == null || signal.isBlank() ? null : signal.strip();
        Uni<Void> signalCheck = signalKey == null ? Uni.createFrom().voidItem()
                : signals.signalExists(signalKey).invoke(exists -> {
                    if (!exists) {
                        throw new InvalidInputException("signal", "no signal has the key '" + signalKey
                                + "'; see /api/v1/signals");
                    }
                }).replaceWithVoid();
        return signalCheck
                .chain(() -> catalogue.technology(slug))
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("technology", slug))
                .chain(technology -> signals.observations(slug, signalKey, range))
                .chain(observations -> {
                    List<String> signalKeys = observations.stream().map(SignalRepository.StoredObservation::signal)
                            .distinct().toList();
                    return signals.signals().flatMap(allSignals -> signals.sourcesOfSignals(signalKeys)
                            .map(sources -> build(slug, quarterly, observations, allSignals, sources)));
                });
    }

    /** The same series as CSV; documented with the JSON operation, which lists both media types. */
    @GET
    @Produces(TEXT_CSV)
    @Operation(hidden = true)
    public Uni<String> seriesCsv(@PathParam("slug") String slug, @QueryParam("signal") String signal,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        return series(slug, signal, from, to, granularity).map(SeriesResource::csv);
    }

    static String csv(SeriesView view) {
        Map<String, SourceView> sourceById = view.sources().stream()
                .collect(Collectors.toMap(SourceView::id, Function.identity()));
        StringBuilder csv = new StringBuilder("technology,signal,granularity,period,period_start,value,raw,source,licence\n");
        for (SeriesView.SignalSeries series : view.series()) {
            String licence = sourceById.get(series.source()).licence();
            String granularity = view.granularity().equals("quarter") ? "quarter" : series.nativeGranularity();
            for (SeriesView.Point point : series.points()) {
                csv.append(Csv.line(view.technology(), series.signal(), granularity, point.period(),
                        point.periodStart(), point.value(), point.raw(), series.source(), licence));
            }
        }
        return csv.toString();
    }

    private static boolean parseGranularity(String granularity) {
        if (granularity == null || granularity.isBlank() || granularity.strip().equals("native")) {
            return false;
        }
        if (granularity.strip().equals("quarter")) {
            return true;
        }
        throw new InvalidInputException("granularity", "must be native or quarter, got '" + granularity + "'");
    }

    private static SeriesView build(String slug, boolean quarterly, List<SignalRepository.StoredObservation> observations,
            List<SignalView> allSignals, List<SourceView> sources) {
        Map<String, SignalView> signalByKey = allSignals.stream()
                .collect(Collectors.toMap(SignalView::key, Function.identity()));
        Map<String, List<SeriesView.Point>> pointsBySignal = new LinkedHashMap<>();
        List<Observation> monthlyToAlign = new ArrayList<>();
        for (SignalRepository.StoredObservation observation : observations) {
            boolean monthly = observation.granularity().equals("month");
            if (quarterly && monthly) {
                monthlyToAlign.add(observation.toScoringObservation(slug));
                pointsBySignal.putIfAbsent(observation.signal(), new ArrayList<>());
                continue;
            }
            String period = monthly ? observation.periodStart().toString().substring(0, 7)
                    : Quarter.of(observation.periodStart()).toString();
            pointsBySignal.computeIfAbsent(observation.signal(), key -> new ArrayList<>())
                    .add(new SeriesView.Point(period, observation.periodStart(), observation.value(), observation.raw()));
        }
        // The same alignment the scores use: the mean of a quarter's three months, or nothing.
        Components.alignToQuarters(monthlyToAlign).forEach((key, values) ->
                pointsBySignal.put(key.signal(), quarterPoints(values)));
        List<SeriesView.SignalSeries> series = new ArrayList<>();
        pointsBySignal.forEach((key, points) -> {
            SignalView signal = signalByKey.get(key);
            series.add(new SeriesView.SignalSeries(key, signal.source(), signal.unit(), signal.nativeGranularity(), points));
        });
        return new SeriesView(slug, quarterly ? "quarter" : "native", series, sources);
    }

    /** Averaged quarters carry no raw count: a mean of monthly shares has no single count behind it. */
    private static List<SeriesView.Point> quarterPoints(NavigableMap<Quarter, Double> values) {
        List<SeriesView.Point> points = new ArrayList<>(values.size());
        values.forEach((quarter, value) -> points.add(new SeriesView.Point(quarter.toString(), quarter.start(), value, null)));
        return points;
    }
}
