package dev.techtrends.signals;

import dev.techtrends.catalogue.CatalogueQueries;
import dev.techtrends.scoring.Components;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A technology's stored values per signal, in their native periods or aligned to quarters as the scores see them. */
@ApplicationScoped
public class SeriesService {

    private final SignalRepository signals;
    private final CatalogueQueries catalogue;

    public SeriesService(SignalRepository signals, CatalogueQueries catalogue) {
        this.signals = signals;
        this.catalogue = catalogue;
    }

    /**
     * @param signalKey only this signal, or null for all
     * @param granularity quarter to average monthly values per quarter
     */
    public Uni<SeriesView> series(String slug, String signalKey, PeriodRange range,
            SeriesGranularity granularity) {
        Uni<Void> signalCheck = signalKey == null ? Uni.createFrom().voidItem()
                : signals.signalExists(signalKey).invoke(exists -> {
                    if (!exists) {
                        throw new InvalidInputException("signal", "no signal has the key '" + signalKey
                                + "'; see /api/v1/signals");
                    }
                }).replaceWithVoid();
        return signalCheck
                .chain(() -> catalogue.technology(slug))
                .onItem().ifNull().failWith(() -> NoSuchResourceException.of("technology", slug))
                .chain(technology -> signals.observations(slug, signalKey, range))
                .chain(observations -> {
                    List<String> signalKeys = observations.stream().map(SignalRepository.StoredObservation::signal)
                            .distinct().toList();
                    return signals.signals().flatMap(allSignals -> signals.sourcesOfSignals(signalKeys)
                            .map(sources -> build(slug, granularity, observations, allSignals, sources)));
                });
    }

    private static SeriesView build(String slug, SeriesGranularity granularity,
            List<SignalRepository.StoredObservation> observations,
            List<SignalView> allSignals, List<SourceView> sources) {
        Map<String, SignalView> signalByKey = allSignals.stream()
                .collect(Collectors.toMap(SignalView::key, Function.identity()));
        Map<String, List<SeriesView.Point>> pointsBySignal = new LinkedHashMap<>();
        List<Observation> monthlyToAlign = new ArrayList<>();
        boolean quarterly = granularity == SeriesGranularity.QUARTER;
        for (SignalRepository.StoredObservation observation : observations) {
            boolean monthly = observation.granularity().equals("month");
            if (quarterly && monthly) {
                monthlyToAlign.add(observation.toScoringObservation(slug));
                pointsBySignal.putIfAbsent(observation.signal(), new ArrayList<>());
                continue;
            }
            // a yearly value keeps its year in both forms: it is not a quarter's value, and a mean would invent one
            String period = switch (observation.granularity()) {
                case "month" -> observation.periodStart().toString().substring(0, 7);
                case "year" -> String.valueOf(observation.periodStart().getYear());
                default -> Quarter.of(observation.periodStart()).toString();
            };
            pointsBySignal.computeIfAbsent(observation.signal(), key -> new ArrayList<>())
                    .add(new SeriesView.Point(period, observation.periodStart(), observation.value(), observation.raw()));
        }
        // The same alignment the scores use: the mean of a quarter's three months, or nothing.
        Components.alignToQuarters(monthlyToAlign).forEach((key, values) ->
                pointsBySignal.put(key.signal(), quarterPoints(values)));
        List<SeriesView.SignalSeries> series = new ArrayList<>();
        pointsBySignal.forEach((key, points) -> {
            SignalView signal = signalByKey.get(key);
            series.add(new SeriesView.SignalSeries(key, signal.source(), signal.unit(), signal.nativeGranularity(),
                    points));
        });
        return new SeriesView(slug, granularity, series, sources);
    }

    /** Averaged quarters carry no raw count: a mean of monthly shares has no single count behind it. */
    private static List<SeriesView.Point> quarterPoints(NavigableMap<Quarter, Double> values) {
        List<SeriesView.Point> points = new ArrayList<>(values.size());
        values.forEach((quarter, value) -> points.add(new SeriesView.Point(quarter.toString(), quarter.start(), value,
                null)));
        return points;
    }
}
