package dev.techtrends.signals;

import dev.techtrends.rankings.SignalFreshnessReads;
import dev.techtrends.scoring.Freshness;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Observation;
import dev.techtrends.web.Rows;
import dev.techtrends.web.cache.Reads;
import dev.techtrends.web.csv.Csv;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads of sources, signals and observations as hand-written SQL, routed by {@link Reads} (the runs: the primary). */
@ApplicationScoped
public class SignalRepository {

    private static final String SOURCE_COLUMNS = """
            select s.id, s.name, s.publisher, s.url, s.licence, s.licence_url, s.attribution, s.version, s.retrieved_at,
              array(select g.key from signal g where g.source_id = s.id order by g.key) as signals
            from source s
            """;

    private final Pool primary;
    private final Reads reads;
    private final SignalFreshnessReads freshness;
    /** The connectors that write each signal, as each connector says (sorted, for a stable answer). */
    private final Map<String, List<String>> connectorsBySignal;

    public SignalRepository(Pool primary, Reads reads, SignalFreshnessReads freshness, Instance<SignalFeed> feeds) {
        this.primary = primary;
        this.reads = reads;
        this.freshness = freshness;
        Map<String, TreeSet<String>> bySignal = new TreeMap<>();
        feeds.forEach(feed -> feed.signals().forEach(signal ->
                bySignal.computeIfAbsent(signal, key -> new TreeSet<>()).add(feed.name())));
        this.connectorsBySignal = new TreeMap<>();
        bySignal.forEach((signal, names) -> connectorsBySignal.put(signal, List.copyOf(names)));
    }

    public Uni<List<SourceView>> sources() {
        return reads.run(pool -> pool.preparedQuery(SOURCE_COLUMNS + " order by s.id").execute())
                .map(rows -> Rows.map(rows, SignalRepository::source));
    }

    /**
     * Every source with the freshness of each of its signals and the newest run of the connectors that write them:
     * one statement per shape (sources, freshness, runs), whatever the number of signals.
     */
    public Uni<List<SourceView>> sourcesWithFreshness() {
        return Uni.combine().all().unis(sources(), freshness.all(), newestRuns()).asTuple().map(loaded -> {
            Map<String, SignalFreshnessReads.SignalFreshness> bySignal = loaded.getItem2();
            Map<String, SignalFreshnessView.FeedRun> runs = loaded.getItem3();
            return loaded.getItem1().stream().map(source -> source.withFreshness(source.signals().stream()
                    .map(signal -> freshnessView(bySignal.get(signal), runs)).toList())).toList();
        });
    }

    private SignalFreshnessView freshnessView(SignalFreshnessReads.SignalFreshness signal,
            Map<String, SignalFreshnessView.FeedRun> runs) {
        Freshness rule = signal.freshness();
        List<String> connectors = connectorsBySignal.getOrDefault(signal.signal(), List.of());
        SignalFreshnessView.FeedRun lastRun = connectors.stream().map(runs::get)
                .filter(run -> run != null)
                .max(Comparator.comparing(SignalFreshnessView.FeedRun::startedAt)).orElse(null);
        return new SignalFreshnessView(signal.signal(), signal.granularity(), signal.publicationLagMonths(),
                Freshness.label(rule.newestComplete(), signal.granularity()),
                Freshness.label(rule.newestPartial(), signal.granularity()), rule.expectedNextUpdate(),
                Freshness.graceDays(signal.granularity()), rule.overdue(), connectors, lastRun);
    }

    /**
     * The newest run of each connector that writes a signal: one row of connector_run_connector_idx per connector,
     * however many runs it has made.
     */
    private Uni<Map<String, SignalFreshnessView.FeedRun>> newestRuns() {
        String[] connectors = connectorsBySignal.values().stream().flatMap(List::stream).distinct()
                .toArray(String[]::new);
        // The runs change without a new data version, so a standby cannot tell whether it has them: the primary's.
        return primary.preparedQuery("""
                        select r.connector, r.status, r.started_at, r.finished_at
                        from unnest($1::text[]) as c (name)
                        cross join lateral (select * from connector_run where connector = c.name
                                            order by id desc limit 1) r""")
                .execute(Tuple.of(connectors))
                .map(rows -> {
                    Map<String, SignalFreshnessView.FeedRun> byConnector = new HashMap<>();
                    rows.forEach(row -> byConnector.put(row.getString("connector"), new SignalFreshnessView.FeedRun(
                            row.getString("connector"), row.getString("status"), row.getOffsetDateTime("started_at"),
                            row.getOffsetDateTime("finished_at"))));
                    return byConnector;
                });
    }

    /** The sources of the given signals, for attribution. */
    public Uni<List<SourceView>> sourcesOfSignals(List<String> signalKeys) {
        return reads.run(pool -> pool.preparedQuery(SOURCE_COLUMNS
                        + " where s.id in (select g.source_id from signal g where g.key = any($1)) order by s.id")
                .execute(Tuple.of(signalKeys.toArray(String[]::new))))
                .map(rows -> Rows.map(rows, SignalRepository::source));
    }

    public Uni<List<SignalView>> signals() {
        return reads.run(pool -> pool.preparedQuery("""
                        select g.key, g.source_id, g.unit, g.native_granularity, g.publication_lag_months,
                          g.description, g.min_value, g.max_value, s.licence, s.attribution
                        from signal g join source s on s.id = g.source_id
                        order by g.key""").execute())
                .map(rows -> Rows.map(rows, row -> new SignalView(row.getString("key"), row.getString("source_id"),
                        row.getString("unit"), Granularity.of(row.getString("native_granularity")),
                        row.getInteger("publication_lag_months"), row.getString("description"),
                        row.getDouble("min_value"), row.getDouble("max_value"), row.getString("licence"),
                        row.getString("attribution"))));
    }

    /** One stored value, with the count behind it. */
    public record StoredObservation(String signal, LocalDate periodStart, String granularity, double value, Double raw) {
        public Observation toScoringObservation(String technology) {
            return new Observation(signal, technology, periodStart,
                    Granularity.of(granularity), value);
        }
    }

    /** Observations of one technology, optionally for one signal and a period range, in period order. */
    public Uni<List<StoredObservation>> observations(String technologySlug, String signal, PeriodRange range) {
        List<Object> parameters = new ArrayList<>(List.of(technologySlug));
        StringBuilder query = new StringBuilder("""
                select o.signal_key, o.period_start, o.granularity, o.value, o.raw_value
                from observation o join technology t on t.id = o.technology_id
                where t.slug = $1""");
        if (signal != null) {
            parameters.add(signal);
            query.append(" and o.signal_key = $").append(parameters.size());
        }
        if (range.fromInclusive() != null) {
            parameters.add(range.fromInclusive());
            query.append(" and o.period_start >= $").append(parameters.size());
        }
        if (range.toExclusive() != null) {
            parameters.add(range.toExclusive());
            query.append(" and o.period_start < $").append(parameters.size());
        }
        query.append(" order by o.signal_key, o.period_start");
        return reads.run(pool -> pool.preparedQuery(query.toString()).execute(Tuple.from(parameters)))
                .map(rows -> Rows.map(rows, row -> new StoredObservation(row.getString("signal_key"),
                        row.getLocalDate("period_start"), row.getString("granularity"), row.getDouble("value"),
                        row.getDouble("raw_value"))));
    }

    /** Technology x signal: first and last period and number of points; uncovered technologies once, signal null. */
    public Uni<List<CoverageView>> coverage() {
        return reads.run(pool -> pool.preparedQuery("""
                        select t.slug, c.slug as category, o.signal_key, min(o.period_start) as first_period,
                          max(o.period_start) as last_period, count(o.period_start) as points
                        from technology t
                        join category c on c.id = t.category_id
                        left join observation o on o.technology_id = t.id
                        group by t.slug, c.slug, o.signal_key
                        order by c.slug, t.slug, o.signal_key""").execute())
                .map(rows -> Rows.map(rows, row -> new CoverageView(row.getString("slug"), row.getString("category"),
                        row.getString("signal_key"), row.getLocalDate("first_period"), row.getLocalDate("last_period"),
                        row.getLong("points"))));
    }

    public Uni<Boolean> signalExists(String key) {
        return reads.run(pool -> pool.preparedQuery("select 1 from signal where key = $1").execute(Tuple.of(key)))
                .map(rows -> rows.size() > 0);
    }

    /** A line of the export. */
    public record ExportRow(String technology, String category, String signal, String granularity,
            LocalDate periodStart, double value, Double rawValue, String source, String licence,
            OffsetDateTime ingestedAt) {
    }

    /** What an export holds: every observation, or those of one technology, one category or one signal. */
    public record ExportFilter(Long technologyId, Long categoryId, String signal) {
        public static final ExportFilter EVERYTHING = new ExportFilter(null, null, null);
    }

    /**
     * The observations the filter selects as CSV lines, read through a server-side cursor in a read-only transaction
     * so that memory stays flat whatever the table size; the connection goes back to the pool when the stream ends or
     * is cancelled.
     */
    public Multi<String> exportCsvLines(ExportFilter filter, int fetchSize) {
        String query = """
                select t.slug, c.slug as category, o.signal_key, o.granularity, o.period_start, o.value, o.raw_value,
                  s.id as source, s.licence, o.ingested_at
                from observation o
                join technology t on t.id = o.technology_id
                join category c on c.id = t.category_id
                join signal g on g.key = o.signal_key
                join source s on s.id = g.source_id
                where ($1::bigint is null or t.id = $1) and ($2::bigint is null or t.category_id = $2)
                  and ($3::text is null or o.signal_key = $3)
                order by t.slug, o.signal_key, o.granularity, o.period_start""";
        Tuple parameters = Tuple.of(filter.technologyId(), filter.categoryId(), filter.signal());
        Multi<String> rows = reads.pool().getConnection().toMulti().flatMap(connection -> connection
                .begin().toMulti()
                .flatMap(transaction -> connection.prepare(query).toMulti()
                        .flatMap(statement -> statement.createStream(fetchSize, parameters).toMulti()))
                .map(SignalRepository::exportLine)
                .onTermination().call(connection::close));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Csv.header(ExportRow.class)), rows);
    }

    private static String exportLine(Row row) {
        return Csv.line(new ExportRow(row.getString("slug"), row.getString("category"), row.getString("signal_key"),
                row.getString("granularity"), row.getLocalDate("period_start"), row.getDouble("value"),
                row.getDouble("raw_value"), row.getString("source"), row.getString("licence"),
                row.getOffsetDateTime("ingested_at")));
    }

    private static SourceView source(Row row) {
        return new SourceView(row.getString("id"), row.getString("name"), row.getString("publisher"),
                row.getString("url"), row.getString("licence"), row.getString("licence_url"),
                row.getString("attribution"), row.getString("version"), row.getLocalDate("retrieved_at"),
                Arrays.asList(row.getArrayOfStrings("signals")), null);
    }

}
