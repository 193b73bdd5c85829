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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Imports the bundled files of every source (src/main/resources/data/, each with its PROVENANCE.md) into the universe:
 * every item each source measures, mapped to a technology or not, as a Flyway Java migration (once, in one
 * transaction, before the service takes requests). Then the observations of every technology derive from it
 * (derive_observations: the sum of its keys per period), and mapping a key later needs no re-import.
 */
// "implements JavaMigration" lets Quarkus find the class in its index (BaseJavaMigration's jar is not indexed).
public class V17__ImportBundledSources extends BaseJavaMigration implements JavaMigration {

    /** A month of the Hacker News threads with fewer postings is left out: 2011-12 has 3 (see its PROVENANCE.md). */
    public static final int MIN_POSTINGS = 100;
    /** The survey's population whose every edition is in the file (professional developers start in 2018). */
    static final String SURVEY_POPULATION = "all respondents";

    /**
     * One bundled file and how to read it.
     *
     * @param key     the item's name in the source: a column, or how the survey names it ("section | label")
     * @param include the rows of the file that count
     */
    record BundledFile(String signal, String resource, Function<Map<String, String>, String> key,
            String periodColumn, String valueColumn, String rawColumn, Predicate<Map<String, String>> include) {
    }

    /** The bundled files, one universe per signal (PYPL's languages and databases are two lists of one signal). */
    static final List<BundledFile> FILES = List.of(
            new BundledFile("search_interest", "data/pypl/pypl_languages_monthly.csv", row -> row.get("language"),
                    "month", "share", null, row -> true),
            new BundledFile("search_interest", "data/pypl/pypl_databases_monthly.csv", row -> row.get("database"),
                    "month", "share", null, row -> true),
            new BundledFile("qa_questions", "data/stackoverflow-sede/so_questions_monthly.csv", row -> row.get("tag"),
                    "month", "share_of_listed_tags", "questions", row -> true),
            new BundledFile("github_language_developers",
                    "data/github-innovation-graph/languages_global_quarterly.csv", row -> row.get("language"),
                    "period_start", "share_of_sum", "num_pushers_sum", row -> true),
            new BundledFile("github_topic_developers", "data/github-innovation-graph/topics_global_quarterly.csv",
                    row -> row.get("topic"), "period_start", "share_of_sum", "num_pushers_sum", row -> true),
            new BundledFile("job_postings", "data/hn-hiring-trends/hn_hiring_monthly.csv", row -> row.get("term"),
                    "month", "share_of_postings", "postings_mentioning",
                    row -> Integer.parseInt(row.get("postings_total")) >= MIN_POSTINGS),
            new BundledFile("developer_usage", "data/stackoverflow-survey/survey_usage_broad.csv",
                    V17__ImportBundledSources::surveyItem, "edition", "percent", "respondents",
                    row -> row.get("population").equals(SURVEY_POPULATION)));

    /** A survey item as the universe and the source keys name it: its section (per edition) and label. */
    public static String surveyItem(Map<String, String> row) {
        return row.get("section") + " | " + row.get("label");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long started = System.nanoTime();
        int total = 0;
        for (BundledFile file : FILES) {
            Granularity granularity = nativeGranularity(connection, file.signal());
            int rows = 0;
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into universe_observation (signal_key, source_key, granularity, period_start, value,
                      raw_value) values (?, ?, ?, ?, ?, ?)""")) {
                for (Map<String, String> row : Csv.rows(read(file.resource()))) {
                    if (!file.include().test(row)) {
                        continue;
                    }
                    statement.setString(1, file.signal());
                    statement.setString(2, file.key().apply(row));
                    statement.setString(3, granularity.label());
                    statement.setDate(4, Date.valueOf(Period.startOf(row.get(file.periodColumn()), granularity)));
                    statement.setDouble(5, Double.parseDouble(row.get(file.valueColumn())));
                    String raw = file.rawColumn() == null ? "" : row.get(file.rawColumn());
                    if (raw.isEmpty()) {
                        statement.setNull(6, Types.DOUBLE); // a source may not give the count
                    } else {
                        statement.setDouble(6, Double.parseDouble(raw));
                    }
                    statement.addBatch();
                    rows++;
                }
                statement.executeBatch();
            }
            Log.infof("Imported %d %s items (%s) from %s", rows, file.signal(), granularity.label(), file.resource());
            total += rows;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select derive_observations(array(select id from technology))")) {
            statement.execute();
        }
        Log.infof("Imported %d universe rows of the bundled sources and derived the observations in %d ms", total,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Granularity nativeGranularity(Connection connection, String signal) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select native_granularity from signal where key = ?")) {
            statement.setString(1, signal);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("Unknown signal " + signal);
                }
                return Granularity.of(rows.getString(1));
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V17__ImportBundledSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Bundled data file missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
