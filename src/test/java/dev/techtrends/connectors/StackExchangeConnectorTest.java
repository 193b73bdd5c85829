package dev.techtrends.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.techtrends.connectors.WireMockApis.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.techtrends.TestClock;
import dev.techtrends.database.DerivedData;
import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stackexchange connector against WireMock answering like API 2.3 (src/test/resources/connectors). The
 * configured first month is 2026-06; the first test runs at several instants ({@link Runs#instants()}), ending at the
 * test clock's default, mid-November 2026, so that a run covers 2026-06..2026-10: 5 months of 32 tags plus the site
 * total. The tests run in order, each building on the data the previous ones stored.
 */
@QuarkusTest
@TestProfile(WireMockApis.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackExchangeConnectorTest {

    static final String QUESTIONS = "/2.3/questions";
    static final YearMonth FIRST = YearMonth.of(2026, 6);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @Inject
    DerivedData scores;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    static String fixture(String name) {
        return Runs.fixture("stackexchange/" + name);
    }

    /** An answer of the custom filter's shape (total-custom-filter.json) with the given total and no backoff. */
    static String answer(long total) {
        return fixture("total-custom-filter.json").replace("\"total\":8", "\"total\":" + total)
                .replace("\"backoff\":1,", "");
    }

    static String fromDate(YearMonth month) {
        return String.valueOf(month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
    }

    /** Every tag 50 questions a month, Quarkus 120, the site 100,000 (gzip-encoded, as the real API always is). */
    @BeforeEach
    void stubTheApi() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", absent()).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("Content-Encoding", "gzip").withBody(Runs.gzip(answer(100_000)))));
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", matching(".+")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer(50))));
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", equalTo("quarkus")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer(120))));
    }

    List<ServeEvent> requests() {
        return Runs.inArrivalOrder(server);
    }

    long quarkusQuestions(String month) {
        var rows = pool.preparedQuery("""
                        select o.raw_value from observation o join technology t on t.id = o.technology_id
                        where t.slug = 'quarkus' and o.signal_key = 'stackoverflow_questions' and o.period_start = $1""")
                .execute(Tuple.of(YearMonth.parse(month).atDay(1)))
                .await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : Math.round(rows.iterator().next().getDouble(0));
    }

    int tags() {
        return Runs.sourceKeys(pool, "stackoverflow_questions");
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(1)
    void aRunStoresEveryCompleteMonthWithCountsSharesAndAttribution(String instant) {
        clock.set(Instant.parse(instant));
        Runs.forget(pool, scores, "stackoverflow_questions");
        YearMonth lastComplete = Runs.lastComplete(Instant.parse(instant));
        int months = Runs.months(FIRST, lastComplete);
        JsonPath run = Runs.runToEnd("stackexchange");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(months, run.getInt("periodsFetched"));
        assertEquals(months * Runs.technologies(pool, "stackoverflow_questions"), run.getInt("inserted"));
        assertEquals(0, run.getInt("rejected"));
        assertEquals(months * (tags() + 1), run.getInt("requests"), "each tag and the total, every month");
        assertEquals(9950, run.getInt("quotaRemaining"));
        assertNull(run.get("error"));

        List<String> periods = new ArrayList<>();
        for (YearMonth month = FIRST; !month.isAfter(lastComplete); month = month.plusMonths(1)) {
            periods.add(month.toString());
        }
        given().get("/api/v1/technologies/quarkus/series?signal=stackoverflow_questions").then().statusCode(200)
                .body("series[0].points.period", Matchers.equalTo(periods))
                .body("series[0].points[0].value", Matchers.equalTo(120 / 100_000.0))
                .body("series[0].points[0].raw", Matchers.equalTo(120.0))
                .body("sources[0].id", Matchers.equalTo("stackexchange-api"))
                .body("sources[0].licence", Matchers.equalTo("CC BY-SA 4.0"));

        // every request as the API wants it; the current month (incomplete) never asked for
        for (ServeEvent event : requests()) {
            var request = event.getRequest();
            assertEquals("stackoverflow", request.queryParameter("site").firstValue());
            assertEquals("!nNPvSNdWme", request.queryParameter("filter").firstValue());
            assertTrue(request.getHeader("User-Agent").startsWith("TechTrendsAPI-test/1.0"));
            assertTrue(request.getHeader("Accept-Encoding").contains("gzip"), request.getHeader("Accept-Encoding"));
            assertTrue(Long.parseLong(request.queryParameter("todate").firstValue())
                    < Instant.parse(instant).getEpochSecond(), "nothing of the current month: " + request.getUrl());
        }
        var june = requests().get(0).getRequest();
        assertEquals(fromDate(FIRST), june.queryParameter("fromdate").firstValue());
        assertEquals(String.valueOf(YearMonth.of(2026, 7).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1),
                june.queryParameter("todate").firstValue());
        var last = requests().get(requests().size() - 1).getRequest();
        assertEquals(fromDate(lastComplete), last.queryParameter("fromdate").firstValue());
        assertEquals(String.valueOf(lastComplete.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
                - 1), last.queryParameter("todate").firstValue());

        // the scores were recomputed after the run: the stored run covers the data version the run left
        long deadline = System.currentTimeMillis() + 30_000;
        boolean current = false;
        while (!current && System.currentTimeMillis() < deadline) {
            current = pool.query("""
                            select (select version from data_version) <= (select min(data_version) from score_run)""")
                    .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
        }
        assertTrue(current, "scores recomputed after the run");
    }

    @Test
    @Order(2)
    void aRerunFetchesTheLastThreeMonthsAgainAndChangesNothing() {
        JsonPath run = Runs.runToEnd("stackexchange");
        assertEquals("succeeded", run.getString("status"));
        assertEquals(3, run.getInt("periodsFetched"));
        assertEquals(0, run.getInt("inserted"));
        assertEquals(0, run.getInt("updated"));
        assertEquals(3 * (tags() + 1), run.getInt("requests"));
    }

    @Test
    @Order(3)
    void aServerErrorIsRetriedAndTheRunSucceeds() {
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", equalTo("quarkus")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", equalTo("quarkus")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer(130))));
        JsonPath run = Runs.runToEnd("stackexchange");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(3 * (tags() + 1) + 1, run.getInt("requests"), "one retry");
        assertEquals(3, run.getInt("updated"), "Quarkus's three refetched months changed");
        assertEquals(130, quarkusQuestions("2026-10"));
    }

    @Test
    @Order(4)
    void backoffAndRetryAfterAreHonoured() {
        // the site total of 2026-08 asks for a 1 s backoff; a tag of 2026-09 is rate limited once with Retry-After: 1
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", absent())
                .withQueryParam("fromdate", equalTo(fromDate(YearMonth.of(2026, 8)))).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(fixture("total-custom-filter.json").replace("\"total\":8", "\"total\":100000"))));
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", equalTo("go"))
                .withQueryParam("fromdate", equalTo(fromDate(YearMonth.of(2026, 9)))).atPriority(1)
                .inScenario("limited").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        JsonPath run = Runs.runToEnd("stackexchange");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        List<ServeEvent> events = requests();
        for (int i = 0; i + 1 < events.size(); i++) {
            var request = events.get(i).getRequest();
            boolean backoff = !request.queryParameter("tagged").isPresent()
                    && request.queryParameter("fromdate").firstValue().equals(fromDate(YearMonth.of(2026, 8)));
            boolean limited = events.get(i).getResponse().getStatus() == 429;
            if (backoff || limited) {
                long gap = events.get(i + 1).getRequest().getLoggedDate().getTime() - request.getLoggedDate().getTime();
                assertTrue(gap >= 950, "waited " + gap + " ms after " + request.getUrl());
            }
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("techtrends_connector_rate_limit_waits_total{connector=\"stackexchange\"}"));
    }

    @Test
    @Order(5)
    void aMalformedAnswerRejectsItsMonthAndChangesNoneOfItsRows() {
        long september = quarkusQuestions("2026-09");
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", absent())
                .withQueryParam("fromdate", equalTo(fromDate(YearMonth.of(2026, 9)))).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"items\":[")));
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", equalTo("quarkus")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer(999))));
        JsonPath run = Runs.runToEnd("stackexchange");
        assertEquals("failed", run.getString("status"));
        assertEquals("1 month(s) rejected", run.getString("error"));
        assertTrue(run.getString("notes").contains("2026-09: the answer for the site total is not JSON"),
                run.getString("notes"));
        assertEquals(september, quarkusQuestions("2026-09"), "the rejected month is untouched");
        assertEquals(999, quarkusQuestions("2026-10"), "the other months are stored");
    }

    @Test
    @Order(6)
    void anExhaustedQuotaStopsTheRunAndTheNextResumesAtTheFirstMissingMonth() {
        pool.query("""
                        delete from observation where signal_key = 'stackoverflow_questions'
                          and period_start >= '2026-06-01' and period_start < '2026-09-01'""")
                .execute().await().atMost(Duration.ofSeconds(10));
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("fromdate",
                        equalTo(fromDate(YearMonth.of(2026, 7)))).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("throttle-violation.json"))));
        JsonPath stopped = Runs.runToEnd("stackexchange");
        assertEquals("failed", stopped.getString("status"));
        assertTrue(stopped.getString("error").startsWith("stopped after 1 month(s): Stack Exchange: too many "
                + "requests from this IP"), stopped.getString("error"));
        assertEquals(120, quarkusQuestions("2026-06"));
        assertEquals(-1, quarkusQuestions("2026-07"), "nothing of the month it stopped in");
        assertEquals(-1, quarkusQuestions("2026-08"));

        server.resetAll();
        stubTheApi();
        JsonPath resumed = Runs.runToEnd("stackexchange");
        assertEquals("succeeded", resumed.getString("status"));
        String firstMonth = requests().get(0).getRequest().queryParameter("fromdate").firstValue();
        assertEquals(fromDate(YearMonth.of(2026, 7)), firstMonth, "resumes at the first missing month");
        assertEquals(120, quarkusQuestions("2026-07"));
        assertEquals(120, quarkusQuestions("2026-08"));
    }

    @Test
    @Order(7)
    void aSecondRunWhileOneIsGoingIsRefusedAndTheRunListSaysWhy() {
        server.stubFor(get(urlPathEqualTo(QUESTIONS)).withQueryParam("tagged", absent()).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer(100_000))
                        .withFixedDelay(700)));
        var first = Runs.start("stackexchange");
        first.then().statusCode(202);
        Runs.start("stackexchange").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("in progress"));
        JsonPath run = Runs.awaitEnd(first.header("Location"));
        assertEquals("succeeded", run.getString("status"));

        List<Map<String, Object>> connectors = given().header("X-API-Key", Runs.ADMIN).get("/api/v1/connectors")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> stackexchange = connectors.stream()
                .filter(connector -> connector.get("name").equals("stackexchange")).findFirst().orElseThrow();
        assertEquals(true, stackexchange.get("enabled"));
        assertEquals("stackoverflow_questions", stackexchange.get("signal"));
        assertEquals("0 20 4 2 * ?", stackexchange.get("schedule"));
        assertTrue(stackexchange.get("nextRun") != null, "scheduled");
        assertTrue(stackexchange.get("lastRun") != null);
        // the refused start is in the run list too, saying why
        List<Map<String, Object>> runs = given().header("X-API-Key", Runs.ADMIN)
                .get("/api/v1/connectors/stackexchange/runs?limit=5").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertTrue(runs.stream().anyMatch(r -> "skipped".equals(r.get("status"))
                && "another run of this connector is in progress".equals(r.get("error"))), runs.toString());
    }

    @Test
    @Order(8)
    void theApiIsForAdminsAndNamesUnknownConnectors() {
        given().post("/api/v1/connectors/stackexchange/runs").then().statusCode(401);
        given().header("X-API-Key", "test-client-key").get("/api/v1/connectors").then().statusCode(403);
        given().header("X-API-Key", Runs.ADMIN).post("/api/v1/connectors/nosuch/runs").then().statusCode(404)
                .body("detail", containsString("known connectors: hn-hiring, innovation-graph, pypl, stackexchange, wikipedia"));
        given().header("X-API-Key", Runs.ADMIN).get("/api/v1/connectors/stackexchange/runs/999999").then()
                .statusCode(404);
        given().header("X-API-Key", Runs.ADMIN).get("/api/v1/connectors/stackexchange/runs?limit=2").then()
                .statusCode(200).body("size()", Matchers.equalTo(2));
    }
}
