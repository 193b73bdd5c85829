package dev.techtrends.signals.ingestion;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.TechTrendsConfig;
import dev.techtrends.database.DerivedData;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.web.Labels;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Validates an upload completely, then upserts it in one transaction: all rows or none. Re-sending an upload
 * changes nothing (the upsert only touches rows whose values differ), and concurrent identical uploads meet on
 * the observation primary key instead of duplicating rows. The scores of the categories it changed are
 * recomputed before the report is returned.
 */
@ApplicationScoped
public class IngestionService {

    private static final String UPSERT = """
            insert into observation (technology_id, signal_key, granularity, period_start, value, raw_value, ingestion_id)
            select u.technology_id, u.signal_key, u.granularity, u.period_start, u.value, u.raw_value, $7
            from unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::float8[], $6::float8[])
                 as u (technology_id, signal_key, granularity, period_start, value, raw_value)
            on conflict (technology_id, signal_key, granularity, period_start) do update
              set value = excluded.value, raw_value = excluded.raw_value, ingested_at = now(),
                  ingestion_id = excluded.ingestion_id
              where (observation.value, observation.raw_value)
                    is distinct from (excluded.value, excluded.raw_value)
            returning (xmax = 0) as inserted""";

    private final Pool pool;
    private final Vertx vertx;
    private final ObjectMapper objectMapper;
    private final int maxRows;
    private final DerivedData scores;
    private final Clock clock;
    /**
     * Uploads are stored two at a time, the others waiting in memory (beyond the queue: 503 with Retry-After).
     * Every upload bumps the one data-version row, so concurrent ones would only queue inside PostgreSQL, and their
     * reference lookups and transactions would fill the pool's queue ahead of public reads. Waiting for the
     * recompute happens outside the bulkhead, so that waiting uploads coalesce into one recompute.
     */
    private final TypedGuard<Uni<IngestionReport>> storeInTurn = TypedGuard
            .create(new TypeLiteral<Uni<IngestionReport>>() {
            })
            .withDescription("ingestion")
            .withBulkhead().limit(2).queueSize(1000).done()
            .build();

    public IngestionService(Pool pool, Vertx vertx, ObjectMapper objectMapper, TechTrendsConfig config,
            DerivedData scores, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        this.vertx = vertx;
        this.objectMapper = objectMapper;
        this.maxRows = config.ingestion().maxRows();
        this.scores = scores;
    }

    public Uni<IngestionReport> ingest(UploadFormat format, String body, String receivedBy) {
        return storeInTurn.get(() -> store(format, body, receivedBy))
                .invoke(report -> Log.infof("Ingestion %d by %s: %d rows, %d inserted, %d updated, %d unchanged",
                        report.id(), receivedBy, report.rows(), report.inserted(), report.updated(),
                        report.unchanged()))
                // The commit recorded which scores are stale; the report waits for the recompute that covers it.
                .call(report -> report.inserted() + report.updated() == 0 ? Uni.createFrom().voidItem()
                        : scores.caughtUp());
    }

    /**
     * One period of a connector's values, validated and upserted exactly like an upload (all or nothing), without the
     * recompute: a connector asks for one after its whole run.
     */
    public Uni<IngestionReport> ingestFetched(List<IngestionRow> rows, String receivedBy) {
        return storeInTurn.get(() -> store(UploadFormat.CONNECTOR, () -> rows, receivedBy));
    }

    private Uni<IngestionReport> store(UploadFormat format, String body, String receivedBy) {
        return store(format, () -> parse(format, body), receivedBy);
    }

    private Uni<IngestionReport> store(UploadFormat format, Supplier<List<IngestionRow>> parsed, String receivedBy) {
        // Parsing, checking and laying out up to max-rows rows takes CPU: on a worker thread, never on the event loop.
        return reference()
                .chain(reference -> vertx.executeBlocking(() -> {
                    List<IngestionRow> rows = parsed.get();
                    List<IngestionValidator.ObservationWrite> writes = IngestionValidator.validate(rows, reference,
                            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                    return new Checked(rows.size(), writes.size(), columns(writes));
                }, false))
                .chain(checked -> pool.withTransaction(connection -> write(connection, format, checked, receivedBy)));
    }

    private List<IngestionRow> parse(UploadFormat format, String body) {
        IngestionParser parser = new IngestionParser(objectMapper, maxRows);
        return switch (format) {
            case JSON -> parser.parseJson(body);
            case NDJSON -> parser.parseNdjson(body);
            case CSV -> parser.parseCsv(body);
            case CONNECTOR -> throw new IllegalArgumentException("a connector's rows arrive parsed");
        };
    }

    /** The rows as the upsert's column arrays, and how many there are. */
    private record Checked(int rows, int writes, Object[] columns) {
    }

    private static Object[] withLast(Object[] columns, Object last) {
        Object[] parameters = Arrays.copyOf(columns, columns.length + 1);
        parameters[columns.length] = last;
        return parameters;
    }

    private static Object[] columns(List<IngestionValidator.ObservationWrite> writes) {
        return new Object[] {
                writes.stream().map(IngestionValidator.ObservationWrite::technologyId).toArray(Long[]::new),
                writes.stream().map(IngestionValidator.ObservationWrite::signal).toArray(String[]::new),
                writes.stream().map(write -> write.granularity().label()).toArray(String[]::new),
                writes.stream().map(IngestionValidator.ObservationWrite::periodStart).toArray(LocalDate[]::new),
                writes.stream().map(IngestionValidator.ObservationWrite::value).toArray(Double[]::new),
                writes.stream().map(IngestionValidator.ObservationWrite::raw).toArray(Double[]::new)};
    }

    public Uni<IngestionReport> report(long id) {
        return pool.preparedQuery("select * from ingestion where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : report(rows.iterator().next()));
    }

    private Uni<IngestionReport> write(SqlConnection connection, UploadFormat format, Checked checked,
            String receivedBy) {
        return connection.preparedQuery("""
                        insert into ingestion (received_by, format, row_count, inserted, updated, unchanged)
                        values ($1, $2, $3, 0, 0, 0) returning id""")
                .execute(Tuple.of(receivedBy, Labels.of(format), checked.rows()))
                .map(rows -> rows.iterator().next().getLong("id"))
                .chain(ingestionId -> connection.preparedQuery(UPSERT).execute(Tuple.from(withLast(checked.columns(),
                                ingestionId)))
                        .chain(changed -> {
                            int inserted = 0;
                            for (Row row : changed) {
                                inserted += row.getBoolean("inserted") ? 1 : 0;
                            }
                            int updated = changed.rowCount() - inserted;
                            return connection.preparedQuery("""
                                            update ingestion set inserted = $2, updated = $3, unchanged = $4
                                            where id = $1 returning *""")
                                    .execute(Tuple.of(ingestionId, inserted, updated,
                                            checked.writes() - inserted - updated))
                                    .map(rows -> report(rows.iterator().next()));
                        }));
    }

    private Uni<IngestionValidator.Reference> reference() {
        Uni<Map<String, IngestionValidator.SignalRule>> signals = pool
                .preparedQuery("select key, native_granularity, min_value, max_value from signal").execute()
                .map(rows -> {
                    Map<String, IngestionValidator.SignalRule> rules = new HashMap<>();
                    rows.forEach(row -> rules.put(row.getString("key"), new IngestionValidator.SignalRule(
                            Granularity.of(row.getString("native_granularity")), row.getDouble("min_value"),
                            row.getDouble("max_value"))));
                    return rules;
                });
        Uni<Map<String, Long>> technologies = pool.preparedQuery("select slug, id from technology").execute()
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("slug"), row.getLong("id")));
                    return ids;
                });
        Uni<Map<String, Map<String, List<Long>>>> sourceKeys = pool
                .preparedQuery("select signal_key, source_key, technology_id from technology_source_key").execute()
                .map(rows -> {
                    Map<String, Map<String, List<Long>>> keys = new HashMap<>();
                    rows.forEach(row -> keys.computeIfAbsent(row.getString("signal_key"), k -> new HashMap<>())
                            .computeIfAbsent(row.getString("source_key"), k -> new ArrayList<>())
                            .add(row.getLong("technology_id")));
                    return keys;
                });
        return Uni.combine().all().unis(signals, technologies, sourceKeys).asTuple()
                .map(all -> new IngestionValidator.Reference(all.getItem1(), all.getItem2(), all.getItem3()));
    }

    private static IngestionReport report(Row row) {
        return new IngestionReport(row.getLong("id"), row.getOffsetDateTime("received_at"), row.getString("received_by"),
                Labels.parse(UploadFormat.class, row.getString("format")), row.getInteger("row_count"), row.getInteger("inserted"),
                row.getInteger("updated"), row.getInteger("unchanged"));
    }
}
