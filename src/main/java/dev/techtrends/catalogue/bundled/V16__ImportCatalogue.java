package dev.techtrends.catalogue.bundled;

import dev.techtrends.web.csv.Csv;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The catalogue of the whole field, as data (src/main/resources/catalogue/*.csv): categories, technologies with their
 * type, aliases and relations, how each is named in every signal, and the survey's series breaks. Adds what is missing
 * and never overwrites a row that exists, so an operator's edits through the API stay; the survey's keys become
 * "<section> | <label>" (per edition's section), replacing the label-only keys of V11.
 */
// "implements JavaMigration" lets Quarkus find the class in its index (BaseJavaMigration's jar is not indexed).
public class V16__ImportCatalogue extends BaseJavaMigration implements JavaMigration {

    static final String FOLDER = "catalogue/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (Map<String, String> row : rows("categories.csv")) {
            update(connection, """
                    insert into category (slug, name, kind, description) values (?, ?, ?, ?)
                    on conflict (slug) do nothing""", row.get("slug"), row.get("name"), row.get("kind"),
                    row.get("description"));
        }
        List<Map<String, String>> technologies = rows("technologies.csv");
        for (Map<String, String> row : technologies) {
            update(connection, """
                    insert into technology (slug, name, category_id, description, homepage, first_released, type)
                    values (?, ?, (select id from category where slug = ?), ?, ?, ?, ?)
                    on conflict (slug) do nothing""", row.get("slug"), row.get("name"), row.get("category"),
                    row.get("description"), blank(row.get("homepage")), year(row.get("first_released")),
                    blank(row.get("type")));
            update(connection, "update technology set type = ? where slug = ? and type is null",
                    blank(row.get("type")), row.get("slug"));
            for (String alias : row.get("aliases").split(";")) {
                if (!alias.isBlank()) {
                    update(connection, """
                            insert into technology_alias (technology_id, alias)
                            select id, ? from technology where slug = ? on conflict do nothing""",
                            alias.strip(), row.get("slug"));
                }
            }
        }
        for (Map<String, String> row : rows("relations.csv")) {
            update(connection, """
                    insert into technology_relation (source_id, type, target_id)
                    select s.id, ?, t.id from technology s, technology t where s.slug = ? and t.slug = ?
                    on conflict do nothing""", row.get("type"), row.get("source"), row.get("target"));
        }
        update(connection, "delete from technology_source_key where signal_key = 'developer_usage' "
                + "and source_key not like '% | %'");
        for (Map<String, String> row : rows("source_keys.csv")) {
            update(connection, """
                    insert into technology_source_key (signal_key, source_key, technology_id)
                    select ?, ?, id from technology where slug = ? on conflict do nothing""",
                    row.get("signal"), row.get("source_key"), row.get("slug"));
        }
        for (Map<String, String> row : rows("series_breaks.csv")) {
            update(connection, """
                    insert into series_break (signal_key, technology_id, period_start, reason)
                    select 'developer_usage', id, make_date(?, 1, 1), ? from technology where slug = ?
                    on conflict do nothing""", Integer.parseInt(row.get("edition")), row.get("reason"),
                    row.get("slug"));
        }
        Log.infof("Catalogue: %d technologies in the bundled catalogue", technologies.size());
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Integer year(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    static List<Map<String, String>> rows(String file) throws IOException {
        try (InputStream in = V16__ImportCatalogue.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Bundled catalogue file missing: " + FOLDER + file);
            }
            return Csv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
