package dev.techtrends.discover;

import dev.techtrends.scoring.Components;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Period;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.web.Page;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.cache.Reads;
import dev.techtrends.web.cache.VersionedCache;
import dev.techtrends.web.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Breakouts: the items of the bundled sources' universes that no technology maps yet (GitHub topics and languages,
 * Hacker News terms, PYPL names, survey items), ranked by multi-year growth above a minimum level ({@link Breakouts}).
 * A source's items are grouped once per data version; the ranking runs on a worker thread.
 */
@ApplicationScoped
public class DiscoverService {

    /** The window's default length: the three years the multi-year figures of the service use. */
    static final int DEFAULT_WINDOW_QUARTERS = 12;
    /** The default minimum level: what a quarter of the technologies the source already maps reach. */
    static final double DEFAULT_MIN_LEVEL_QUANTILE = 0.25;

    /** One source's universe: its unmapped items, the levels its mapped items reach now, and its newest quarter. */
    record Universe(String signal, String unit, BreakoutView.Attribution attribution, List<Breakouts.Series> unmapped,
            List<Double> mappedLevels, Quarter newest) {
    }

    private final Reads reads;
    private final Vertx vertx;
    private final VersionedCache cache;

    public DiscoverService(Reads reads, Vertx vertx, VersionedCache cache) {
        this.reads = reads;
        this.vertx = vertx;
        this.cache = cache;
    }

    /** The signals that have a universe, by key. */
    public Uni<List<String>> sources() {
        return cache.loaded("discover-sources", () -> reads.run(pool -> pool
                .query("select distinct signal_key from universe_observation order by 1").execute())
                .map(rows -> {
                    List<String> signals = new ArrayList<>();
                    rows.forEach(row -> signals.add(row.getString(0)));
                    return List.copyOf(signals);
                }));
    }

    /**
     * @param source   a signal with a universe, or null for every one
     * @param minLevel the least level now, in the source's unit (a source's own default when null)
     * @param since    the window's start (three years before each source's newest quarter when null)
     */
    public Uni<Page<BreakoutView>> discover(String source, Double minLevel, String since, PageRequest page) {
        Quarter from = since == null ? null : start(since);
        return sources().chain(known -> {
            if (source != null && !known.contains(source)) {
                throw new InvalidInputException("source", "must be one of " + String.join(", ", known)
                        + "; got '" + source + "'");
            }
            List<String> signals = source == null ? known : List.of(source);
            return Uni.join().all(signals.stream().map(this::universe).toList()).andFailFast();
        }).chain(universes -> vertx.executeBlocking(() -> {
            List<BreakoutView> all = new ArrayList<>();
            for (Universe universe : universes) {
                Quarter to = universe.newest();
                Quarter windowStart = from == null ? to.minus(DEFAULT_WINDOW_QUARTERS) : from;
                if (!windowStart.isBefore(to)) {
                    throw new InvalidInputException("since", "must be before " + to + ", the newest quarter of "
                            + universe.signal() + "; got " + windowStart);
                }
                double level = minLevel != null ? minLevel
                        : Breakouts.quantile(universe.mappedLevels(), DEFAULT_MIN_LEVEL_QUANTILE);
                for (Breakouts.Breakout breakout : Breakouts.rank(universe.unmapped(), windowStart, to, level)) {
                    all.add(view(universe, breakout));
                }
            }
            all.sort(Comparator.comparingDouble((BreakoutView view) -> -view.growthPctPerYear())
                    .thenComparing(BreakoutView::source).thenComparing(BreakoutView::key));
            int fromIndex = (int) Math.min(page.offset(), all.size());
            return Page.of(List.copyOf(all.subList(fromIndex, Math.min(fromIndex + page.size(), all.size()))), page,
                    all.size());
        }, false));
    }

    private static Quarter start(String since) {
        try {
            return Period.parse(since).quarter();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("since", e.getMessage());
        }
    }

    private Uni<Universe> universe(String signal) {
        return cache.loaded("discover-" + signal, () -> reads.run(pool -> pool.preparedQuery("""
                        select u.source_key, u.granularity, u.period_start, u.value,
                          exists (select 1 from technology_source_key k
                                  where k.signal_key = u.signal_key and k.source_key = u.source_key) as mapped,
                          g.unit, s.id, s.name, s.licence, s.attribution
                        from universe_observation u join signal g on g.key = u.signal_key
                          join source s on s.id = g.source_id
                        where u.signal_key = $1""")
                .execute(Tuple.of(signal)))
                .chain(rows -> vertx.executeBlocking(() -> group(signal, rows), false)));
    }

    private static Universe group(String signal, Iterable<Row> rows) {
        List<Observation> unmapped = new ArrayList<>();
        List<Observation> mapped = new ArrayList<>();
        String unit = null;
        BreakoutView.Attribution attribution = null;
        for (Row row : rows) {
            unit = row.getString("unit");
            attribution = new BreakoutView.Attribution(row.getString("id"), row.getString("name"),
                    row.getString("licence"), row.getString("attribution"));
            // the key stands where the scoring code expects a technology: each key is a series of its own
            (row.getBoolean("mapped") ? mapped : unmapped).add(new Observation(signal, row.getString("source_key"),
                    row.getLocalDate("period_start"), Granularity.of(row.getString("granularity")),
                    row.getDouble("value")));
        }
        List<Breakouts.Series> unmappedSeries = series(signal, unmapped);
        List<Breakouts.Series> mappedSeries = series(signal, mapped);
        Quarter newest = null;
        for (List<Breakouts.Series> list : List.of(unmappedSeries, mappedSeries)) {
            for (Breakouts.Series item : list) {
                if (!item.values().isEmpty() && (newest == null || item.values().lastKey().isAfter(newest))) {
                    newest = item.values().lastKey();
                }
            }
        }
        List<Double> mappedLevels = new ArrayList<>();
        for (Breakouts.Series item : mappedSeries) {
            Double level = newest == null ? null : Breakouts.level(item, newest);
            if (level != null && level > 0) {
                mappedLevels.add(level);
            }
        }
        return new Universe(signal, unit, attribution, unmappedSeries, mappedLevels, newest);
    }

    /** Each key's values by quarter: monthly values as quarter means (all three months, as the scores align them). */
    private static List<Breakouts.Series> series(String signal, List<Observation> observations) {
        Map<String, NavigableMap<Quarter, Double>> byKey = new TreeMap<>();
        boolean yearly = false;
        List<Observation> periodic = new ArrayList<>();
        for (Observation observation : observations) {
            if (observation.granularity() == Granularity.YEAR) {
                yearly = true;
                byKey.computeIfAbsent(observation.technology(), k -> new TreeMap<>())
                        .put(observation.quarter(), observation.value());
            } else {
                periodic.add(observation);
            }
        }
        Map<String, NavigableMap<Quarter, Double>> aligned = new HashMap<>();
        Components.alignToQuarters(periodic).forEach((key, values) -> aligned.put(key.technology(), values));
        byKey.putAll(aligned);
        List<Breakouts.Series> series = new ArrayList<>(byKey.size());
        boolean ofYears = yearly;
        byKey.forEach((key, values) -> series.add(new Breakouts.Series(signal, key, ofYears, values)));
        return series;
    }

    private static BreakoutView view(Universe universe, Breakouts.Breakout breakout) {
        List<BreakoutView.Point> points = new ArrayList<>();
        breakout.series().values().subMap(breakout.from().minus(Breakouts.LEVEL_QUARTERS - 1), true, breakout.to(),
                true).forEach((quarter, value) -> points.add(new BreakoutView.Point(breakout.series().yearly()
                ? String.valueOf(quarter.year()) : quarter.toString(), value)));
        return new BreakoutView(universe.signal(), breakout.series().key(), breakout.levelNow(), breakout.levelThen(),
                breakout.growthPct(), breakout.from().toString(), breakout.to().toString(), universe.unit(),
                SuggestedCategories.of(universe.signal(), breakout.series().key()), points, universe.attribution());
    }
}
