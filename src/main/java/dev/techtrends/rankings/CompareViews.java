package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.SignalComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lays the histories and signals of several technologies on one quarter axis. */
final class CompareViews {
    private CompareViews() {
    }

    static Views.CompareView build(ScoreRun run, Quarter upTo, List<ScoreReads.TechnologyRef> technologies,
            List<List<Views.HistoryPoint>> histories, ScoreReads.ComponentSet components,
            List<ScoreView.Attribution> sources) {
        Quarter first = upTo;
        for (List<Views.HistoryPoint> history : histories) {
            if (!history.isEmpty()) {
                Quarter start = Quarter.parse(history.get(0).quarter());
                first = start.isBefore(first) ? start : first;
            }
        }
        List<String> quarters = new ArrayList<>();
        for (Quarter q = first; !q.isAfter(upTo); q = q.plus(1)) {
            quarters.add(q.toString());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < quarters.size(); i++) {
            index.put(quarters.get(i), i);
        }
        List<Views.ComparedTechnology> compared = new ArrayList<>();
        for (int t = 0; t < technologies.size(); t++) {
            ScoreReads.TechnologyRef technology = technologies.get(t);
            List<Double> trend = nulls(quarters.size());
            List<Double> popularity = nulls(quarters.size());
            List<Double> momentumPct = nulls(quarters.size());
            for (Views.HistoryPoint point : histories.get(t)) {
                Integer i = index.get(point.quarter());
                if (i != null) {
                    trend.set(i, point.trendScore());
                    popularity.set(i, point.popularity());
                    momentumPct.set(i, point.momentumPct());
                }
            }
            Map<String, Views.SignalSeries> signals = new TreeMap<>();
            for (SignalComponent component : components.of(technology.categoryId())) {
                Integer i = index.get(component.quarter().toString());
                if (i == null || !component.technology().equals(technology.slug())) {
                    continue;
                }
                Views.SignalSeries series = signals.computeIfAbsent(component.signal(),
                        key -> new Views.SignalSeries(nulls(quarters.size()), nulls(quarters.size())));
                // Only fresh quarters show a share; a carried-forward component repeats an older one.
                if (component.dataQuarter().equals(component.quarter())) {
                    series.share().set(i, components.context().shareByComponent().get(ScoreViews.Context.componentKey(
                            component.technology(), component.signal(), component.quarter())));
                }
                series.normalisedLevel().set(i, component.normalisedLevel());
            }
            compared.add(new Views.ComparedTechnology(technology.slug(), technology.name(), technology.category(),
                    trend, popularity, momentumPct, signals));
        }
        return new Views.CompareView(MethodV1.VERSION, upTo.toString(), quarters, compared, sources);
    }

    private static List<Double> nulls(int size) {
        List<Double> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(null);
        }
        return list;
    }
}
