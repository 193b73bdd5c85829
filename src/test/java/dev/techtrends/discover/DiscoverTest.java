package dev.techtrends.discover;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.BundledCatalogue;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/v1/discover on the bundled universes, and the way out of it: an item mapped to a technology through the API has
 * its whole history and a score after one recompute, with no re-import.
 */
@QuarkusTest
class DiscoverTest {

    static final String ADMIN = "test-admin-key";
    static final String TOPICS = "github_topic_developers";
    /** The technology the mapping test creates, removed after each test. */
    static final String NEW_SLUG = "discovered-in-test";

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    @AfterEach
    void removeTheTechnologyTheTestCreated() {
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("[]")
                .put("/api/v1/technologies/" + NEW_SLUG + "/source-keys");
        given().header("X-API-Key", ADMIN).delete("/api/v1/technologies/" + NEW_SLUG);
    }

    static Set<String> mapped(String signal) {
        return BundledCatalogue.rows("source_keys.csv").stream().filter(row -> row.get("signal").equals(signal))
                .map(row -> row.get("source_key")).collect(Collectors.toSet());
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void theFastestGrowingUnmappedTopicsComeFirstWithTheirSeriesAndSource() {
        JsonPath page = given().get("/api/v1/discover?source=" + TOPICS + "&size=50").then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .body("page", equalTo(1)).body("size", equalTo(50))
                .body("items.source", everyItem(equalTo(TOPICS)))
                .body("items.attribution.licence", everyItem(equalTo("CC0 1.0")))
                .body("items.attribution.id", everyItem(equalTo("github-innovation-graph")))
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        assertEquals(50, items.size());
        assertTrue(page.getInt("totalItems") > 100, "hundreds of topics no technology maps");
        Set<String> mapped = mapped(TOPICS);
        List<Double> growth = new ArrayList<>();
        for (Map<String, Object> item : items) {
            String key = (String) item.get("key");
            assertFalse(mapped.contains(key), key + " is mapped already");
            growth.add(((Number) item.get("growthPctPerYear")).doubleValue());
        }
        assertEquals(growth.stream().sorted(Comparator.reverseOrder()).toList(), growth, "fastest growth first");

        // the figures follow from the series: each end the mean of its trailing year, three years apart
        JsonPath first = given().get("/api/v1/discover?source=" + TOPICS + "&size=1").then().statusCode(200)
                .extract().jsonPath();
        Quarter from = Quarter.parse(first.getString("items[0].from"));
        Quarter to = Quarter.parse(first.getString("items[0].to"));
        assertEquals(12, from.quartersUntil(to), "three years to the source's newest quarter by default");
        List<String> periods = first.getList("items[0].series.period", String.class);
        List<Double> values = first.getList("items[0].series.value", Double.class);
        assertEquals(from.minus(3).toString(), periods.get(0));
        assertEquals(to.toString(), periods.get(periods.size() - 1));
        assertEquals(16, values.size(), "a complete series");
        double then = mean(values.subList(0, 4));
        double now = mean(values.subList(12, 16));
        assertEquals(then, first.getDouble("items[0].levelThen"), 1e-12);
        assertEquals(now, first.getDouble("items[0].level"), 1e-12);
        assertEquals(100 * (Math.pow(now / then, 1 / 3.0) - 1), first.getDouble("items[0].growthPctPerYear"), 1e-9);
    }

    @Test
    void everySourceHasItsUniverseAndTheLevelAndWindowCanBeChosen() {
        List<String> sources = given().get("/api/v1/discover?size=500").then().statusCode(200).extract().jsonPath()
                .getList("items.source", String.class).stream().distinct().sorted().toList();
        assertTrue(sources.containsAll(List.of(TOPICS, "developer_usage", "github_language_developers",
                "job_postings")), sources.toString());

        double level = given().get("/api/v1/discover?source=" + TOPICS + "&size=20").then().statusCode(200)
                .extract().jsonPath().getDouble("items[9].level");
        given().get("/api/v1/discover?source=" + TOPICS + "&size=500&minLevel=" + level).then().statusCode(200)
                .body("items.level", everyItem(greaterThanOrEqualTo(level)));
        given().get("/api/v1/discover?source=" + TOPICS + "&since=2024-Q3").then().statusCode(200)
                .body("items.from", everyItem(equalTo("2024-Q3")));
        given().get("/api/v1/discover?source=developer_usage").then().statusCode(200)
                .body("items[0].series.period[0]", notNullValue())
                .body("items.attribution.licence", everyItem(equalTo("ODbL 1.0")));
    }

    @Test
    void badParametersAreProblemsThatNameTheParameter() {
        for (String[] bad : new String[][] {{"source=nosuch", "source"}, {"minLevel=-1", "minLevel"},
                {"minLevel=lots", "minLevel"}, {"since=yesterday", "since"}, {"source=" + TOPICS + "&since=2030-Q1",
                "since"}, {"size=501", "size"}, {"page=0", "page"}}) {
            given().get("/api/v1/discover?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void aMappedItemGivesItsTechnologyTheWholeHistoryAndAScoreAtOnce() {
        Map<String, Object> item = given().get("/api/v1/discover?source=" + TOPICS + "&size=1").then()
                .statusCode(200).extract().jsonPath().getMap("items[0]");
        String key = (String) item.get("key");
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("""
                        {"slug":"%s","name":"Discovered in a test","category":"frameworks",
                         "description":"A technology the test maps to the fastest-growing GitHub topic."}"""
                        .formatted(NEW_SLUG))
                .post("/api/v1/technologies").then().statusCode(201).body("signalsWithData", equalTo(0));

        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON)
                .body("[{\"signal\":\"" + TOPICS + "\",\"key\":\"" + key + "\"}]")
                .put("/api/v1/technologies/" + NEW_SLUG + "/source-keys").then().statusCode(200)
                .body("sourceKeys[0].signal", equalTo(TOPICS)).body("sourceKeys[0].key", equalTo(key))
                .body("signalsWithData", equalTo(1));

        // the whole stored history, every quarter the universe holds, not only the window
        JsonPath series = given().get("/api/v1/technologies/" + NEW_SLUG + "/series?signal=" + TOPICS).then()
                .statusCode(200).extract().jsonPath();
        List<String> periods = series.getList("series[0].points.period", String.class);
        List<Map<String, Object>> window = given().get("/api/v1/discover?source=" + TOPICS + "&size=500").then()
                .extract().jsonPath().getList("items");
        assertTrue(window.stream().noneMatch(other -> key.equals(other.get("key"))), "mapped: no longer a breakout");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) item.get("series");
        for (Map<String, Object> point : points) {
            int at = periods.indexOf((String) point.get("period"));
            assertTrue(at >= 0, point.toString());
            assertEquals(((Number) point.get("value")).doubleValue(),
                    series.getDouble("series[0].points[" + at + "].value"), 0, point.toString());
        }
        assertTrue(periods.size() >= points.size());

        // scored in the recompute the PUT waited for: one signal, so low confidence
        given().get("/api/v1/technologies/" + NEW_SLUG + "/score").then().statusCode(200)
                .body("popularity", notNullValue()).body("trendScore", notNullValue())
                .body("confidence", equalTo("low"));
        given().get("/api/v1/technologies/" + NEW_SLUG + "/history").then().statusCode(200)
                .body("items", not(empty()));
        given().get("/api/v1/rankings?category=frameworks").then().statusCode(200)
                .body("items.technology", hasItem(NEW_SLUG));
    }

    @Test
    void mappingIsForAdminsAndRejectsUnknownSignalsAndRepeats() {
        given().contentType(ContentType.JSON).body("[]").put("/api/v1/technologies/python/source-keys").then()
                .statusCode(401);
        String before = given().get("/api/v1/technologies/python").then().statusCode(200).extract().asString();
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON)
                .body("[{\"signal\":\"no_such\",\"key\":\"x\"},{\"signal\":\"" + TOPICS + "\",\"key\":\"python\"},"
                        + "{\"signal\":\"" + TOPICS + "\",\"key\":\" python \"}]")
                .put("/api/v1/technologies/python/source-keys").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("[0].signal", "[2].key"));
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("[{\"signal\":\"" + TOPICS + "\"}]")
                .put("/api/v1/technologies/python/source-keys").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("[]")
                .put("/api/v1/technologies/fortran/source-keys").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before, given().get("/api/v1/technologies/python").then().extract().asString(),
                "nothing changed");
    }
}
