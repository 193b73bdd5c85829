package dev.techtrends.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.techtrends.connectors.WireMockApis.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.techtrends.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hn-hiring connector against WireMock answering like the HN Algolia API (src/test/resources/connectors/hn-hiring):
 * one search page with the threads of 2026-07 … 2026-10 and two other threads of the account, then an empty page;
 * every thread's item is the same synthetic tree of 120 top-level postings (3 deleted). First month 2026-08, so a
 * run at the test clock's default (mid-November 2026) asks for 2026-08 … 2026-10: 2 search requests and 3 item
 * requests. The first test also runs at later instants ({@link Runs#instants()}): months without a thread yet are
 * skipped, so the same three are stored.
 */
@QuarkusTest
@TestProfile(WireMockApis.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HnHiringConnectorTest {

    static final String AUGUST = "49135120";
    static final String SEPTEMBER = "49531842";
    static final String OCTOBER = "49922569";
    static final int POSTINGS = 120;

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String fixture(String name) {
        return Runs.fixture("hn-hiring/" + name);
    }

    static MappingBuilder search(int page) {
        return get(urlPathEqualTo("/search_by_date")).withQueryParam("query", equalTo("hiring"))
                .withQueryParam("tags", equalTo("story,author_whoishiring"))
                .withQueryParam("page", equalTo(String.valueOf(page)));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    @BeforeEach
    void stubTheApi() {
        server.resetAll();
        server.stubFor(search(0).willReturn(json(fixture("search-page-0.json"))));
        server.stubFor(search(1).willReturn(json(fixture("search-page-1.json"))));
        server.stubFor(get(urlPathMatching("/items/\\d+")).atPriority(5)
                .willReturn(json(fixture("item-" + OCTOBER + ".json"))));
    }

    int terms() {
        return pool.query("select count(*) from technology_source_key where signal_key = 'job_postings'")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getInteger(0);
    }

    /** value and raw_value of a term's month, or null when not stored. */
    double[] stored(String term, String month) {
        var rows = pool.preparedQuery("""
                        select o.value, o.raw_value from observation o
                        join technology_source_key k on k.technology_id = o.technology_id and k.signal_key = o.signal_key
                        where k.source_key = $1 and o.signal_key = 'job_postings' and o.granularity = 'month'
                          and o.period_start = $2""")
                .execute(Tuple.of(term, YearMonth.parse(month).atDay(1))).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null
                : new double[] {rows.iterator().next().getDouble(0), rows.iterator().next().getDouble(1)};
    }

    /** Every stored value of the month, to check a run left it alone. */
    List<String> month(String month) {
        List<String> values = new ArrayList<>();
        pool.preparedQuery("""
                        select technology_id, value, raw_value from observation
                        where signal_key = 'job_postings' and granularity = 'month' and period_start = $1
                        order by technology_id""")
                .execute(Tuple.of(YearMonth.parse(month).atDay(1))).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> values.add(row.getLong(0) + "=" + row.getDouble(1) + "/" + row.getDouble(2)));
        return values;
    }

    Set<String> itemsFetched() {
        Set<String> ids = new TreeSet<>();
        server.getAllServeEvents().stream().map(event -> event.getRequest().getUrl())
                .filter(url -> url.startsWith("/items/")).forEach(url -> ids.add(url.substring("/items/".length())));
        return ids;
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(1)
    void everyMonthWithAThreadIsCountedLikeTheBundledSeries(String instant) {
        clock.set(Instant.parse(instant));
        pool.query("delete from observation where signal_key = 'job_postings' and period_start >= '2026-08-01'")
                .execute().await().atMost(Duration.ofSeconds(10));
        JsonPath run = Runs.runToEnd("hn-hiring");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(3, run.getInt("periodsFetched"));
        assertEquals(3 * terms(), run.getInt("inserted"), "every term of every month, zero counts included");
        assertEquals(0, run.getInt("updated"));
        assertEquals(5, run.getInt("requests"), "two search pages, three threads");
        assertEquals(Set.of(AUGUST, SEPTEMBER, OCTOBER), itemsFetched(),
                "never 'Who wants to be hired?', 'Freelancer?' or July (before the first month)");

        for (String month : List.of("2026-08", "2026-09", "2026-10")) {
            assertEquals(terms(), month(month).size(), month);
        }
        // counted by hand from the fixture's texts: only top-level postings, the 3 deleted ones in the total
        assertCount(30, "Python"); // "Senior Python Engineer"; the replies naming Python are not postings
        assertCount(30, "node.js"); // "Node.js" (20) and "nodejs" (10)
        assertCount(20, "golang"); // the word "Go", not "we go fast"
        assertCount(10, "Express"); // "Express.js", not "expressive"
        assertCount(10, ".NET Core"); // a substring, twice in each of its postings: counted once
        assertCount(25, "Rails");
        assertCount(0, "Java");
    }

    void assertCount(int count, String term) {
        double[] stored = stored(term, "2026-10");
        assertEquals(count, stored[1], term);
        assertEquals((double) count / POSTINGS, stored[0], 1e-12, term);
    }

    @Test
    @Order(2)
    void aRunAgainChangesNothing() {
        JsonPath run = Runs.runToEnd("hn-hiring");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"));
    }

    @Test
    @Order(3)
    void aThreadWithFewerThan100PostingsIsRejectedAndItsMonthKept() throws Exception {
        List<String> october = month("2026-10");
        ObjectNode item = (ObjectNode) new ObjectMapper().readTree(fixture("item-" + OCTOBER + ".json"));
        ArrayNode children = (ArrayNode) item.get("children");
        while (children.size() > 99) {
            children.remove(children.size() - 1);
        }
        server.stubFor(get(urlPathEqualTo("/items/" + OCTOBER)).atPriority(1).willReturn(json(item.toString())));
        JsonPath run = Runs.runToEnd("hn-hiring");
        assertEquals("failed", run.getString("status"));
        assertEquals("1 month(s) rejected", run.getString("error"));
        assertTrue(run.getString("notes").contains("2026-10: the thread " + OCTOBER + " has 99 postings, fewer than "
                + "the 100 a month needs"), run.getString("notes"));
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"));
        assertEquals(october, month("2026-10"));
    }

    @Test
    @Order(4)
    void aMalformedItemRejectsItsMonthAndChangesNothing() {
        List<String> september = month("2026-09");
        server.stubFor(get(urlPathEqualTo("/items/" + SEPTEMBER)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));
        JsonPath run = Runs.runToEnd("hn-hiring");
        assertEquals("failed", run.getString("status"));
        assertTrue(run.getString("notes").contains("2026-09: item " + SEPTEMBER + " is not JSON"),
                run.getString("notes"));
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"));
        assertEquals(september, month("2026-09"));
    }

    @Test
    @Order(5)
    void aServerErrorIsRetried() {
        server.stubFor(search(0).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503)));
        JsonPath run = Runs.runToEnd("hn-hiring");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(6, run.getInt("requests"));
    }

    @Test
    @Order(6)
    void anUnknownConnectorIsNamedAmongTheKnownOnes() {
        given().header("X-API-Key", Runs.ADMIN).post("/api/v1/connectors/nosuch/runs").then().statusCode(404)
                .body("detail", containsString("known connectors: hn-hiring, innovation-graph, pypl, stackexchange, wikipedia"));
    }

    @Test
    @Order(7)
    void gzipAndRetryAfterAreHandledAndASecondRunIsRefused() {
        // the first search page rate limited once; the items gzip-compressed and slow enough for a second start to meet
        server.stubFor(search(0).atPriority(1).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        server.stubFor(search(0).atPriority(1).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(json(fixture("search-page-0.json"))));
        server.stubFor(get(urlPathMatching("/items/\\d+")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(Runs.gzip(fixture("item-" + OCTOBER + ".json"))).withFixedDelay(500)));
        JsonPath run = Runs.runWhileASecondIsRefused("hn-hiring");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"), "the same answers as before, compressed");
        Runs.assertRetryAfterHonoured(server);
    }
}
