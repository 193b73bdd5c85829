package dev.techtrends.signals.bundled;

import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Period;
import dev.techtrends.web.csv.Csv;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Imports the bundled CSV files of one source as a Flyway Java migration. Flyway runs each migration once, in a
 * transaction of its own, before the service accepts requests: that gives one transaction per source,
 * idempotence (a second start finds the migration applied and does nothing) and no reactive work at start-up,
 * all without a bookkeeping table of our own. Rows whose key no technology maps (technology_source_key) are
 * skipped; several keys of one technology are summed per period.
 */
// "implements JavaMigration" is redundant for Java but lets Quarkus find the subclasses in its index (the Flyway
// jar, where BaseJavaMigration lives, is not indexed).
abstract class BundledSourceImport extends BaseJavaMigration implements JavaMigration {

    /** One CSV file of the source and how to read it. */
    record BundledFile(String signal, String resource, String keyColumn, String periodColumn, String valueColumn,
            String rawColumn, Predicate<Map<String, String>> include) {
    }

    private record ObservationKey(long technologyId, LocalDate periodStart) implements Comparable<ObservationKey> {
        @Override
        public int compareTo(ObservationKey other) {
            int byTechnology = Long.compare(technologyId, other.technologyId);
            return byTechnology != 0 ? byTechnology : periodStart.compareTo(other.periodStart);
        }
    }

    private static final class Sum {
        double value;
        Double raw;

        void add(double share, Double count) {
            value += share;
            if (count != null) {
                raw = raw == null ? count : raw + count;
            }
        }
    }

    abstract List<BundledFile> files();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long started = System.nanoTime();
        int total = 0;
        for (BundledFile file : files()) {
            Map<String, Long> technologyByKey = technologyByKey(connection, file.signal());
            String granularity = nativeGranularity(connection, file.signal());
            Map<ObservationKey, Sum> sums = new TreeMap<>();
            List<List<String>> records = Csv.records(read(file.resource()));
            List<String> header = records.get(0);
            for (List<String> record : records.subList(1, records.size())) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < record.size() ? record.get(i) : "");
                }
                Long technologyId = technologyByKey.get(row.get(file.keyColumn()));
                if (technologyId == null || !file.include().test(row)) {
                    continue;
                }
                ObservationKey key = new ObservationKey(technologyId,
                        Period.startOf(row.get(file.periodColumn()), Granularity.of(granularity)));
                String rawText = file.rawColumn() == null ? "" : row.get(file.rawColumn());
                Double raw = rawText.isEmpty() ? null : Double.valueOf(rawText); // a source may not give the count
                sums.computeIfAbsent(key, k -> new Sum()).add(Double.parseDouble(row.get(file.valueColumn())), raw);
            }
            insert(connection, file.signal(), granularity, sums);
            Log.infof("Imported %d %s observations (%s) from %s", sums.size(), file.signal(), granularity,
                    file.resource());
            total += sums.size();
        }
        Log.infof("Imported %d observations of source %s in %d ms", total, getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, Long> technologyByKey(Connection connection, String signal) throws SQLException {
        Map<String, Long> technologyByKey = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select source_key, technology_id from technology_source_key where signal_key = ?")) {
            statement.setString(1, signal);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    technologyByKey.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return technologyByKey;
    }

    private static String nativeGranularity(Connection connection, String signal) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select native_granularity from signal where key = ?")) {
            statement.setString(1, signal);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("Unknown signal " + signal);
                }
                return rows.getString(1);
            }
        }
    }

    private static void insert(Connection connection, String signal, String granularity, Map<ObservationKey, Sum> sums)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into observation (technology_id, signal_key, granularity, period_start, value, raw_value)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<ObservationKey, Sum> entry : sums.entrySet()) {
                statement.setLong(1, entry.getKey().technologyId());
                statement.setString(2, signal);
                statement.setString(3, granularity);
                statement.setDate(4, Date.valueOf(entry.getKey().periodStart()));
                statement.setDouble(5, entry.getValue().value);
                if (entry.getValue().raw == null) {
                    statement.setNull(6, Types.DOUBLE);
                } else {
                    statement.setDouble(6, entry.getValue().raw);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private String read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Bundled data file missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Predicate<Map<String, String>> all() {
        return row -> true;
    }
}
