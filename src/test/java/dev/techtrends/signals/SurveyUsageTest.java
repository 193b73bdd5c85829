package dev.techtrends.signals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.web.csv.Csv;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The survey as the signal developer_usage, from the broad file: the narrow file of the first catalogue (kept under
 * src/test/resources) is part of it row for row, and the 32 technologies that file covered keep exactly its keys and
 * values, but for the decisions README documents.
 */
@QuarkusTest
class SurveyUsageTest {

    static final String NARROW = "data/stackoverflow-survey/survey_usage.csv";
    static final String BROAD = "data/stackoverflow-survey/survey_usage_broad.csv";
    /** README "Data sources": the narrow labels the first catalogue left out or mapped elsewhere than PROVENANCE. */
    static final Set<String> UNMAPPED = Set.of("Spring Framework", "ASP.NET", "Kubernetes", "TensorFlow",
            "Torch/PyTorch");
    static final Map<String, String> REMAPPED = Map.of("Spring", "spring-boot", "Docker", "containerization");

    @Inject
    Pool pool;

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    static List<Map<String, String>> rows(String file) {
        try (InputStream in = SurveyUsageTest.class.getClassLoader().getResourceAsStream(file)) {
            return Csv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, String>> narrowAllRespondents() {
        return rows(NARROW).stream().filter(row -> row.get("population").equals("all respondents")).toList();
    }

    /** The technology a narrow row stands for, or null when the first catalogue left it out. */
    static String technologyOf(Map<String, String> row) {
        String label = row.get("label");
        return UNMAPPED.contains(label) ? null : REMAPPED.getOrDefault(label, row.get("slug"));
    }

    static String key(Map<String, String> row) {
        return row.get("section") + " | " + row.get("label");
    }

    @Test
    void theBroadFileHoldsEveryRowOfTheNarrowOne() {
        List<String> columns = List.of("edition", "population", "section", "label", "percent", "respondents",
                "location");
        Set<List<String>> broad = new HashSet<>();
        for (Map<String, String> row : rows(BROAD)) {
            broad.add(columns.stream().map(row::get).toList());
        }
        List<Map<String, String>> narrow = rows(NARROW);
        assertEquals(462, narrow.size());
        for (Map<String, String> row : narrow) {
            assertTrue(broad.contains(columns.stream().map(row::get).toList()), row::toString);
        }
    }

    @Test
    void theFirstTechnologiesKeepExactlyTheirNarrowKeys() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Map<String, String> row : narrowAllRespondents()) {
            String technology = technologyOf(row);
            if (technology != null) {
                expected.computeIfAbsent(technology, t -> new TreeSet<>()).add(key(row));
            }
        }
        Map<String, Set<String>> stored = new TreeMap<>();
        pool.preparedQuery("""
                        select k.source_key, t.slug from technology_source_key k join technology t on t.id = k.technology_id
                        where k.signal_key = 'developer_usage' and t.slug = any($1)""")
                .execute(Tuple.of(expected.keySet().toArray(String[]::new))).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> stored.computeIfAbsent(row.getString(1), t -> new TreeSet<>()).add(row.getString(0)));
        assertEquals(expected, stored);
        given().get("/api/v1/technologies/aspnet-core").then().statusCode(200)
                .body("sourceKeys.findAll { it.signal == 'developer_usage' }.key", Matchers.hasItems(
                        "Webframe: web frameworks and web technologies | ASP.NET Core",
                        "Webframe: web frameworks and web technologies | ASP.NET CORE"));
    }

    @Test
    void theFirstTechnologiesKeepEveryValueOfTheNarrowFile() {
        Map<String, double[]> expected = new TreeMap<>();
        for (Map<String, String> row : narrowAllRespondents()) {
            String technology = technologyOf(row);
            if (technology != null) {
                String respondents = row.get("respondents");
                expected.put(technology + " " + row.get("edition") + "-01-01", new double[] {
                        Double.parseDouble(row.get("percent")), respondents.isEmpty() ? -1 : Double.parseDouble(respondents)});
            }
        }
        String[] technologies = expected.keySet().stream().map(key -> key.substring(0, key.indexOf(' ')))
                .distinct().toArray(String[]::new);
        Map<String, double[]> stored = new TreeMap<>();
        pool.preparedQuery("""
                        select t.slug, o.period_start, o.value, o.raw_value, o.granularity
                        from observation o join technology t on t.id = o.technology_id
                        where o.signal_key = 'developer_usage' and t.slug = any($1)""")
                .execute(Tuple.of(technologies)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> {
                    assertEquals("year", row.getString("granularity"));
                    Double raw = row.getDouble("raw_value");
                    stored.put(row.getString("slug") + " " + row.getLocalDate("period_start"),
                            new double[] {row.getDouble("value"), raw == null ? -1 : raw});
                });
        assertEquals(210, expected.size());
        assertEquals(expected.keySet(), stored.keySet());
        expected.forEach((key, value) -> {
            assertEquals(value[0], stored.get(key)[0], 0, key);
            assertEquals(value[1], stored.get(key)[1], 0, key);
        });
    }

    @Test
    void aYearlyValueIsUploadedByItsYearAndOnlyByItsYear() {
        String admin = "test-admin-key";
        // the bundled Quarkus 2024 value again: the year parses, matches the stored row and changes nothing
        given().header("X-API-Key", admin).contentType("text/csv")
                .body("signal,technology,period,value,raw\ndeveloper_usage,quarkus,2024,1.28,45841\n")
                .post("/api/v1/ingestions").then().statusCode(201)
                .body("unchanged", equalTo(1)).body("inserted", equalTo(0));
        given().header("X-API-Key", admin).contentType("text/csv")
                .body("signal,technology,period,value\ndeveloper_usage,quarkus,2024-Q3,1.3\n")
                .post("/api/v1/ingestions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].reason", startsWith("must be a year (2024) or its first day"));
        given().header("X-API-Key", admin).contentType("text/csv")
                .body("signal,technology,period,value\ndeveloper_usage,quarkus,2024,101\n")
                .post("/api/v1/ingestions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/v1/technologies/quarkus/series?signal=developer_usage").then().statusCode(200)
                .body("series[0].points.value", Matchers.contains(1.13, 1.28));
    }

    @Test
    void seriesBreaksAreData() {
        List<String> breaks = new ArrayList<>();
        pool.query("""
                        select t.slug || ' ' || extract(year from b.period_start)::int from series_break b
                        join technology t on t.id = b.technology_id where b.signal_key = 'developer_usage'
                        order by 1""").execute().await().atMost(Duration.ofSeconds(10))
                .forEach(row -> breaks.add(row.getString(0)));
        Assertions.assertTrue(breaks.contains("spring-boot 2023"), breaks.toString());
        Assertions.assertTrue(breaks.contains("nodejs 2021"), breaks.toString());
    }
}
