package dev.techtrends.signals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.TestClock;
import dev.techtrends.scoring.Freshness;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Period;
import dev.techtrends.scoring.Quarter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Freshness in /api/v1/sources and in the score, by the fixed test clock (moved per test and reset after), on
 * whatever months the bundled data and any connector test stored: expectations are set relative to the newest month.
 */
@QuarkusTest
class SourcesFreshnessTest {

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everySignalShowsFreshnessAndTheConnectorsThatWriteIt() {
        List<String> signals = given().get("/api/v1/signals").then().statusCode(200).extract().jsonPath()
                .getList("key");
        JsonPath sources = given().get("/api/v1/sources").then().statusCode(200)
                // the fields clients had stay as they were
                .body("find { it.id == 'pypl' }.signals", equalTo(List.of("search_interest")))
                .body("find { it.id == 'pypl' }.licence", equalTo("CC BY 3.0"))
                .extract().jsonPath();
        List<String> withFreshness = sources.getList("freshness.flatten().signal");
        assertEquals(signals, withFreshness.stream().sorted().toList(), "every signal, once");
        assertEquals(sources.getList("signals.flatten()"), withFreshness, "in the order of each source's signals");
        Map<String, Object> usage = freshness(sources, "developer_usage");
        assertEquals("year", usage.get("nativeGranularity"));
        assertEquals(6, usage.get("publicationLagMonths"));
        assertEquals(90, usage.get("graceDays"));
        assertEquals(List.of(), usage.get("connectors"), "the survey is bundled only");
        assertNull(usage.get("lastRun"));
        // which connector feeds which signal is what each connector says
        assertEquals(List.of("stackexchange"), freshness(sources, "stackoverflow_questions").get("connectors"));
        assertEquals(List.of("wikipedia"), freshness(sources, "wikipedia_pageviews").get("connectors"));
        assertEquals(List.of("pypl"), freshness(sources, "search_interest").get("connectors"));
        assertEquals(List.of("innovation-graph"), freshness(sources, "github_topic_developers").get("connectors"));
        assertEquals(List.of(), freshness(sources, "qa_questions").get("connectors"));
        // the bundled Stack Overflow extract ends in 2025-12: at the test clock (2026-11-15) it is long overdue
        Map<String, Object> extract = freshness(sources, "qa_questions");
        assertEquals("2025-12", extract.get("newestCompletePeriod"));
        assertEquals("2026-02-01", extract.get("expectedNextUpdate"));
        assertEquals(true, extract.get("overdue"));
    }

    @Test
    void aMonthlyConnectorSignalWhoseNewestMonthIsStaleIsOverdue() {
        YearMonth newest = newestMonth("search_interest");
        // the month after the newest is expected once it has ended, and is late 7 days after that
        LocalDate expected = newest.plusMonths(2).atDay(1);
        at(expected.plusDays(7));
        Map<String, Object> inGrace = freshness(sources(), "search_interest");
        assertEquals(newest.toString(), inGrace.get("newestCompletePeriod"));
        assertEquals(expected.toString(), inGrace.get("expectedNextUpdate"));
        assertEquals(false, inGrace.get("overdue"));
        at(expected.plusDays(8));
        assertEquals(true, freshness(sources(), "search_interest").get("overdue"));
    }

    @Test
    void theCurrentMonthIsPartialUntilItEnds() {
        YearMonth newest = newestMonth("search_interest");
        at(newest.atDay(15));
        Map<String, Object> counting = freshness(sources(), "search_interest");
        assertEquals(newest.toString(), counting.get("newestPartialPeriod"), "still counted by the source");
        assertEquals(newest.minusMonths(1).toString(), counting.get("newestCompletePeriod"));
        assertEquals(newest.plusMonths(1).atDay(1).toString(), counting.get("expectedNextUpdate"), "when it ends");
        assertEquals(false, counting.get("overdue"));

        at(newest.atEndOfMonth());
        assertEquals(newest.toString(), freshness(sources(), "search_interest").get("newestPartialPeriod"));
        at(newest.plusMonths(1).atDay(1));
        Map<String, Object> ended = freshness(sources(), "search_interest");
        assertEquals(newest.toString(), ended.get("newestCompletePeriod"));
        assertNull(ended.get("newestPartialPeriod"));
    }

    @Test
    void theLastConnectorRunAppearsOnceARunIsRecorded() {
        OffsetDateTime started = OffsetDateTime.parse("2026-11-02T04:20:00Z");
        long id = pool.preparedQuery("""
                        insert into connector_run (connector, trigger, status, started_at, heartbeat_at, finished_at,
                          error)
                        values ('wikipedia', 'schedule', 'failed', $1, $1, $2, 'test: the API answered 503')
                        returning id""")
                .execute(Tuple.of(started, started.plusMinutes(3))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("id");
        try {
            given().get("/api/v1/sources").then().statusCode(200)
                    .body("find { it.id == 'wikimedia-pageviews' }.freshness[0].signal", equalTo("wikipedia_pageviews"))
                    .body("find { it.id == 'wikimedia-pageviews' }.freshness[0].lastRun.connector",
                            equalTo("wikipedia"))
                    .body("find { it.id == 'wikimedia-pageviews' }.freshness[0].lastRun.status", equalTo("failed"))
                    .body("find { it.id == 'wikimedia-pageviews' }.freshness[0].lastRun.finishedAt",
                            equalTo("2026-11-02T04:23:00Z"))
                    // another connector's runs are not this signal's
                    .body("find { it.id == 'stackoverflow-survey' }.freshness[0].lastRun", nullValue());
        } finally {
            pool.preparedQuery("delete from connector_run where id = $1").execute(Tuple.of(id))
                    .await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void aScoreWhoseInputIsOverdueSaysSoWithoutChangingItsFigures() {
        JsonPath score = given().get("/api/v1/technologies/python/score").then().statusCode(200).extract().jsonPath();
        JsonPath sources = given().get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
        Quarter asOf = Quarter.parse(score.getString("asOf"));
        List<Map<String, Object>> signals = score.getList("signals");
        for (Map<String, Object> signal : signals) {
            String key = (String) signal.get("signal");
            assertEquals(overdueFor(freshness(sources, key), asOf), signal.get("overdue"), key);
        }
        // the bundled GitHub languages end in 2024-Q1: 2024-Q2 was due by 2024-07-31 and would count in any later
        // quarter; the note names every overdue signal the score rests on
        assertEquals(true, signal(score, "github_language_developers").get("overdue"));
        String note = score.getString("confidenceNote");
        assertNotNull(note);
        assertTrue(note.contains("github_language_developers (newest 2024-Q1, next expected by 2024-07-01)"), note);
        for (Map<String, Object> signal : signals) {
            boolean restsOn = ((Number) signal.get("weightUsed")).doubleValue() > 0;
            assertEquals(restsOn && (Boolean) signal.get("overdue"), note.contains(signal.get("signal") + " ("),
                    signal.get("signal") + " in " + note);
        }

        // an earlier quarter has every value it will get: no flag, no note, the same figures
        given().get("/api/v1/technologies/python/score?asOf=2023-Q4").then().statusCode(200)
                .body("confidenceNote", nullValue())
                .body("signals.findAll { it.overdue }", equalTo(List.of()));

        // a kept answer lives one day at most: on a day the languages were not late yet, the same URL says so
        at(LocalDate.of(2024, 7, 15));
        JsonPath before = given().get("/api/v1/technologies/python/score").then().statusCode(200).extract().jsonPath();
        assertEquals(false, signal(before, "github_language_developers").get("overdue"));
        assertFalse(String.valueOf(before.getString("confidenceNote")).contains("github_language_developers"));
        assertEquals(score.getString("trendScore"), before.getString("trendScore"), "figures ignore the clock");
        assertEquals(score.getString("confidence"), before.getString("confidence"));
    }

    @Test
    void sourcesAreTaggedAndRevalidatedButNotDatedByTheData() {
        String etag = given().get("/api/v1/sources").then().statusCode(200)
                .header("Last-Modified", nullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/sources").then().statusCode(304);
        at(LocalDate.of(2026, 8, 5)); // PYPL's July has just ended, nothing from it is late: another answer
        given().header("If-None-Match", etag).get("/api/v1/sources").then().statusCode(200)
                .body("freshness.flatten().find { it.signal == 'search_interest' }.overdue", equalTo(false))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
        given().accept("text/html").get("/sources").then().statusCode(200)
                .body(containsString("<caption>"));
    }

    @Test
    void theDocumentDescribesFreshness() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("array", "null"), openApi.getList("components.schemas.Source.properties.freshness.type"));
        assertEquals("#/components/schemas/SignalFreshness",
                openApi.getString("components.schemas.Source.properties.freshness.items.'$ref'"));
        assertTrue(openApi.getList("components.schemas.SignalFreshness.required").containsAll(List.of("signal",
                "newestCompletePeriod", "newestPartialPeriod", "expectedNextUpdate", "overdue", "lastRun")));
        assertEquals("#/components/schemas/RunStatus",
                openApi.getString("components.schemas.SignalFeedRun.properties.status.'$ref'"));
        assertEquals("boolean", openApi.getString("components.schemas.SignalBreakdown.properties.overdue.type"));
        assertEquals(List.of("string", "null"), openApi.getList("components.schemas.Score.properties.confidenceNote.type"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signal(JsonPath score, String key) {
        return ((List<Map<String, Object>>) (List<?>) score.getList("signals")).stream()
                .filter(signal -> signal.get("signal").equals(key)).findFirst().orElseThrow();
    }

    private void at(LocalDate day) {
        clock.set(Instant.from(day.atTime(12, 0).atOffset(ZoneOffset.UTC)));
    }

    private static JsonPath sources() {
        return given().get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
    }

    /** The newest month of a monthly signal as the API says at the default clock. */
    private YearMonth newestMonth(String signal) {
        clock.reset();
        Object newest = freshness(sources(), signal).get("newestCompletePeriod");
        assertNotNull(newest, signal + " holds a month");
        return YearMonth.parse((String) newest);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freshness(JsonPath sources, String signal) {
        return ((List<Map<String, Object>>) (List<?>) sources.getList("freshness.flatten()")).stream()
                .filter(entry -> entry.get("signal").equals(signal)).findFirst().orElseThrow();
    }

    /** What the score should say of a signal: the pure rule over what /api/v1/sources shows. */
    private boolean overdueFor(Map<String, Object> freshness, Quarter asOf) {
        Object newest = freshness.get("newestCompletePeriod");
        if (newest == null) {
            return false;
        }
        Granularity granularity = Granularity.of((String) freshness.get("nativeGranularity"));
        LocalDate start = Period.startOf((String) newest, granularity);
        return Freshness.of(granularity, (Integer) freshness.get("publicationLagMonths"), start, start,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).overdueFor(asOf);
    }
}
