package dev.techtrends.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.techtrends.connectors.WireMockApis.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.techtrends.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pypl connector against WireMock serving files of PYPL's shape whose values are the bundled ones for 2025-10 …
 * 2026-07 (src/test/resources/connectors/pypl). First month 2025-10; PYPL recomputes its history, so every month is
 * fetched on every run; months after the files' newest (2026-08 … 2026-10 at the test clock's default) are not
 * published yet. The first two tests also run at later instants ({@link Runs#instants()}).
 */
@QuarkusTest
@TestProfile(WireMockApis.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PyplConnectorTest {

    /** Our 14 names in the files: 10 languages and 4 databases. */

    static final YearMonth FIRST = YearMonth.of(2025, 10);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String fixture(String name) {
        return Runs.fixture("pypl/" + name);
    }

    @BeforeEach
    void stubTheSite() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/PYPL/All.js")).willReturn(aResponse()
                .withHeader("Content-Type", "application/javascript").withBody(fixture("All.js"))));
        server.stubFor(get(urlPathEqualTo("/DB/All.js")).willReturn(aResponse()
                .withHeader("Content-Type", "application/javascript").withBody(fixture("DB-All.js"))));
    }

    long searchInterestRows(String fromInclusive) {
        return pool.query("select count(*) from observation where signal_key = 'search_interest' and period_start >= '"
                        + fromInclusive + "'")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(1)
    void missingMonthsAreStoredAndTheRestOfTheRecomputedHistoryChangesNothing(String instant) {
        clock.set(Instant.parse(instant));
        pool.query("delete from observation where signal_key = 'search_interest' and period_start >= '2026-06-01'")
                .execute().await().atMost(Duration.ofSeconds(10));
        JsonPath run = Runs.runToEnd("pypl");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(10, run.getInt("periodsFetched"), "2025-10 … 2026-07, every month again");
        int names = Runs.technologies(pool, "search_interest");
        assertEquals(2 * names, run.getInt("inserted"), "2026-06 and 2026-07");
        assertEquals(0, run.getInt("updated"), "the same values as the bundled files");
        assertEquals(2, run.getInt("requests"));
        assertEquals(2 * names, searchInterestRows("2026-06-01"));
        assertEquals(0, searchInterestRows("2026-08-01"), "not published yet");

        JsonPath again = Runs.runToEnd("pypl");
        assertEquals(0, again.getInt("inserted") + again.getInt("updated"));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(2)
    void aFileThatIsNotPyplsRejectsEveryMonthAndChangesNothing(String instant) {
        clock.set(Instant.parse(instant));
        YearMonth lastComplete = Runs.lastComplete(clock.instant());
        server.stubFor(get(urlPathEqualTo("/DB/All.js")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody("<html><body>Moved</body></html>")));
        long before = searchInterestRows("2025-10-01");
        JsonPath run = Runs.runToEnd("pypl");
        assertEquals("failed", run.getString("status"));
        assertEquals(Runs.months(FIRST, lastComplete), run.getInt("periodsFetched"),
                "every month asked, 2025-10 … " + lastComplete + ": none can be trusted");
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"));
        assertTrue(run.getString("notes").contains("not a PYPL data file: DB/All.js: no ['Date', …] header"),
                run.getString("notes"));
        assertEquals(before, searchInterestRows("2025-10-01"));
    }

    @Test
    @Order(3)
    void aServerErrorIsRetried() {
        server.stubFor(get(urlPathEqualTo("/PYPL/All.js")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(500)));
        JsonPath run = Runs.runToEnd("pypl");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(3, run.getInt("requests"));
    }

    @Test
    @Order(4)
    void gzipAndRetryAfterAreHandledAndASecondRunIsRefused() {
        // languages rate limited once, then both files gzip-compressed and slow enough for a second start to meet
        server.stubFor(get(urlPathEqualTo("/PYPL/All.js")).atPriority(1).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        server.stubFor(get(urlPathEqualTo("/PYPL/All.js")).atPriority(1).inScenario("limited")
                .whenScenarioStateIs("ok").willReturn(aResponse().withHeader("Content-Type", "application/javascript")
                        .withHeader("Content-Encoding", "gzip").withBody(Runs.gzip(fixture("All.js")))));
        server.stubFor(get(urlPathEqualTo("/DB/All.js")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/javascript").withHeader("Content-Encoding", "gzip")
                .withBody(Runs.gzip(fixture("DB-All.js"))).withFixedDelay(1000)));
        JsonPath run = Runs.runWhileASecondIsRefused("pypl");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"), "the same answers as before, compressed");
        Runs.assertRetryAfterHonoured(server);
    }
}
