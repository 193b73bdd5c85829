package dev.techtrends.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.techtrends.connectors.WireMockApis.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * The wikipedia connector against WireMock answering like the Wikimedia pageviews API. First month 2024-10; the first
 * test runs at several instants ({@link Runs#instants()}), the last the test clock's default, so that a run covers
 * 2024-10..2026-10 (25 months) with one request per title and one for the aggregate. In order, like
 * {@link StackExchangeConnectorTest}.
 */
@QuarkusTest
@TestProfile(WireMockApis.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WikipediaConnectorTest {

    static final String PER_ARTICLE = "/rest_v1/metrics/pageviews/per-article/en.wikipedia/all-access/user/";
    static final String AGGREGATE = "/rest_v1/metrics/pageviews/aggregate/en.wikipedia/all-access/user/monthly/";
    static final YearMonth FIRST = YearMonth.of(2024, 10);
    static final YearMonth LAST_COMPLETE = YearMonth.of(2026, 10);

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
        return Runs.fixture("wikipedia/" + name);
    }

    /**
     * Items of the recorded shape (per-article-chatgpt.json) for every month from 2024-10 to the clock's current,
     * incomplete month, included as the real API returns it: views = base + month index · step.
     */
    String items(String article, long base, long step) {
        String item = fixture("per-article-chatgpt.json");
        item = item.substring(item.indexOf("{\"project\""), item.indexOf('}', item.indexOf("{\"project\"")) + 1);
        List<String> items = new ArrayList<>();
        int index = 0;
        YearMonth current = Runs.lastComplete(clock.instant()).plusMonths(1);
        for (YearMonth month = FIRST; !month.isAfter(current); month = month.plusMonths(1)) {
            items.add(item.replace("ChatGPT", article)
                    .replace("2022120100", month.format(DateTimeFormatter.ofPattern("yyyyMM")) + "0100")
                    .replace("1882964", String.valueOf(base + step * index++)));
        }
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    @BeforeEach
    void stubTheApi() {
        server.resetAll();
        // the aggregate gzip-compressed, as the API sends it to clients that accept it
        server.stubFor(get(urlPathMatching(AGGREGATE + ".*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(Runs.gzip(items("en.wikipedia", 7_000_000_000L, 0)))));
        server.stubFor(get(urlPathMatching(PER_ARTICLE + ".*")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(items("Any", 70_000, 0))));
        // Quarkus grows by 100 views a month; Bun's title is unknown to the API (the recorded 404)
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Quarkus/.*")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(items("Quarkus", 7_000, 100))));
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Bun_(\\(|%28)software(\\)|%29)/.*")).atPriority(5).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody(fixture("per-article-404.json"))));
    }

    List<ServeEvent> requests() {
        return Runs.inArrivalOrder(server);
    }

    int titles() {
        return Runs.sourceKeys(pool, "wikipedia_pageviews");
    }

    double quarkusViews(YearMonth month) {
        var rows = pool.preparedQuery("""
                        select o.raw_value from observation o join technology t on t.id = o.technology_id
                        where t.slug = 'quarkus' and o.signal_key = 'wikipedia_pageviews' and o.period_start = $1""")
                .execute(Tuple.of(month.atDay(1))).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : rows.iterator().next().getDouble(0);
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(1)
    void aRunStoresEveryCompleteMonthAndTheScoresMove(String instant) {
        clock.set(Instant.parse(instant));
        Runs.forget(pool, scores, "wikipedia_pageviews");
        stubTheApi();
        YearMonth lastComplete = Runs.lastComplete(clock.instant());
        int months = Runs.months(FIRST, lastComplete);
        given().get("/api/v1/technologies/quarkus/score?method=v3&weights=wikipedia_pageviews:1&asOf=2025-Q2")
                .then().statusCode(200).body("popularity", Matchers.nullValue());

        JsonPath run = Runs.runToEnd("wikipedia");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(months, run.getInt("periodsFetched"));
        assertEquals(months * (Runs.technologies(pool, "wikipedia_pageviews") - 1), run.getInt("inserted"),
                "every technology but Bun, every month");
        assertEquals(titles() + 1, run.getInt("requests"), "each title and the aggregate");
        assertEquals("article not found (404): Bun_(software)", run.getString("notes"));

        YearMonth lastButTwo = lastComplete.minusMonths(2);
        int lastIndex = months - 1;
        given().get("/api/v1/technologies/quarkus/series?signal=wikipedia_pageviews&from=" + lastButTwo).then()
                .statusCode(200)
                .body("series[0].points.period", contains(lastButTwo.toString(), lastComplete.minusMonths(1)
                        .toString(), lastComplete.toString()))
                .body("series[0].points[2].raw", equalTo(7_000.0 + 100 * lastIndex))
                .body("series[0].points[2].value", equalTo((7_000.0 + 100 * lastIndex) / 7_000_000_000L))
                .body("sources[0].id", equalTo("wikimedia-pageviews"))
                .body("sources[0].licence", equalTo("CC0 1.0"));
        assertEquals(-1, quarkusViews(lastComplete.plusMonths(1)), "the current month is incomplete");
        var first = requests().stream().filter(event -> event.getRequest().getUrl().contains("/Quarkus/"))
                .findFirst().orElseThrow().getRequest();
        assertEquals(PER_ARTICLE + "Quarkus/monthly/20241001/" + lastComplete.atEndOfMonth().toString()
                .replace("-", ""), first.getUrl());
        assertTrue(first.getHeader("User-Agent").contains("ops@example.org"), "Wikimedia's User-Agent rule");

        // the scores moved: Quarkus has a wikipedia level, and a growth, once the recompute has run
        long deadline = System.currentTimeMillis() + 30_000;
        Object popularity = null;
        while (popularity == null && System.currentTimeMillis() < deadline) {
            popularity = given().get("/api/v1/technologies/quarkus/score?method=v3&weights=wikipedia_pageviews:1"
                    + "&asOf=2025-Q2").then().statusCode(200).extract().path("popularity");
        }
        assertTrue(popularity != null, "Quarkus scored on Wikipedia views");
        given().get("/api/v1/technologies/quarkus/score?method=v3&weights=wikipedia_pageviews:1&asOf=2025-Q2")
                .then().body("signals.find { it.signal == 'wikipedia_pageviews' }.levelBasis", equalTo("category"));
    }

    @Test
    @Order(2)
    void aRenamedTitleIsSummedAndARerunChangesNothingElse() {
        // Quarkus's article moved: the old title now a redirect, whose views are logged under it
        pool.query("""
                        insert into technology_source_key (signal_key, source_key, technology_id)
                        select 'wikipedia_pageviews', 'Quarkus_(software)', id from technology where slug = 'quarkus'""")
                .execute().await().atMost(Duration.ofSeconds(10));
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Quarkus_(\\(|%28)software(\\)|%29)/.*")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(items("Quarkus_(software)", 500, 0))));
        JsonPath run = Runs.runToEnd("wikipedia");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(3, run.getInt("periodsFetched"), "the last three months again");
        assertEquals(3, run.getInt("updated"), "only Quarkus's, now with both titles");
        assertEquals(0, run.getInt("inserted"));
        assertEquals(7_000.0 + 100 * 24 + 500, quarkusViews(LAST_COMPLETE));
        assertEquals(7_000.0 + 100 * 21, quarkusViews(YearMonth.of(2026, 7)), "older months are not refetched");

        JsonPath again = Runs.runToEnd("wikipedia");
        assertEquals(0, again.getInt("inserted") + again.getInt("updated"));
    }

    @Test
    @Order(3)
    void rateLimitsAndServerErrorsAreRetried() {
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Redis/.*")).atPriority(1)
                .inScenario("limited").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("busy")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1")
                        .withHeader("Content-Type", "text/plain").withBody(fixture("429.txt"))));
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Redis/.*")).atPriority(1)
                .inScenario("limited").whenScenarioStateIs("busy").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(502)));
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Redis/.*")).atPriority(1)
                .inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(items("Redis", 70_000, 0))));
        JsonPath run = Runs.runToEnd("wikipedia");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(titles() + 1 + 2, run.getInt("requests"), "the titles (one renamed), the aggregate, 2 retries");
        List<ServeEvent> events = requests();
        for (int i = 0; i + 1 < events.size(); i++) {
            if (events.get(i).getResponse().getStatus() == 429) {
                long gap = events.get(i + 1).getRequest().getLoggedDate().getTime()
                        - events.get(i).getRequest().getLoggedDate().getTime();
                assertTrue(gap >= 950, "Retry-After honoured, waited " + gap + " ms");
            }
        }
    }

    @Test
    @Order(4)
    void aMalformedAnswerRejectsEveryMonthAskedAndChangesNoRow() {
        double before = quarkusViews(LAST_COMPLETE);
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "Quarkus/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(items("Quarkus", 99_999, 0))));
        server.stubFor(get(urlPathMatching(PER_ARTICLE + "MySQL/.*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\":[{\"project\":\"en.wikipedia\",\"timestamp\":\"2026100100\"}]}")));
        JsonPath run = Runs.runToEnd("wikipedia");
        assertEquals("failed", run.getString("status"));
        assertEquals(3, run.getInt("periodsFetched"));
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"));
        assertTrue(run.getString("notes").contains("2026-10: the answer for 'MySQL' has an item without a month or "
                + "views"), run.getString("notes"));
        assertEquals(before, quarkusViews(LAST_COMPLETE), "no row of a rejected month changed");
    }

    @Test
    @Order(5)
    void twoRunsAtOnceOneIsRefused() {
        server.stubFor(get(urlPathMatching(AGGREGATE + ".*")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(items("en.wikipedia", 7_000_000_000L, 0))
                .withFixedDelay(1500)));
        var first = Runs.start("wikipedia");
        first.then().statusCode(202);
        Runs.start("wikipedia").then().statusCode(409);
        assertEquals("succeeded", Runs.awaitEnd(first.header("Location")).getString("status"));
    }
}
