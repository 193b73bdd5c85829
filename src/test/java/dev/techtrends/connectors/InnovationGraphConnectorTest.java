package dev.techtrends.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.techtrends.connectors.WireMockApis.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.techtrends.TestClock;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
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
 * The innovation-graph connector against WireMock serving files of the Innovation Graph's columns with synthetic
 * numbers (src/test/resources/connectors/innovation-graph): a release of 2025-Q2 … 2025-Q4. First month 2025-04, so
 * the complete quarters asked at the test clock's default (mid-November 2026) are 2025-Q2 … 2026-Q3; those not in the
 * files are not released yet. The first two tests also run at later instants ({@link Runs#instants()}).
 */
@QuarkusTest
@TestProfile(WireMockApis.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InnovationGraphConnectorTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    @BeforeEach
    void stubTheFiles() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/data/languages.csv")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody(Runs.fixture("innovation-graph/languages.csv"))));
        server.stubFor(get(urlPathEqualTo("/data/topics.csv")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody(Runs.fixture("innovation-graph/topics.csv"))));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(1)
    void aReleaseIsStoredQuarterByQuarterWithoutTheEuRowsAndARerunChangesNothing(String instant) {
        clock.set(Instant.parse(instant));
        JsonPath run = Runs.runToEnd("innovation-graph");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(3, run.getInt("periodsFetched"), "2025-Q2 … Q4; later quarters are not released");
        assertEquals(2, run.getInt("requests"));
        // languages: Python 1000 (US) + 500 (DE), the EU row left out, of 3000 developer-language pairs in 2025-Q2
        given().get("/api/v1/technologies/python/series?signal=github_language_developers&from=2025-Q2").then()
                .statusCode(200)
                .body("series[0].points.period", contains("2025-Q2", "2025-Q3", "2025-Q4"))
                .body("series[0].points[0].raw", equalTo(1500.0))
                .body("series[0].points[0].value", equalTo(0.5))
                .body("sources[0].id", equalTo("github-innovation-graph"));
        // topics: containerization = docker + kubernetes, summed; 2025-Q4 of 3200 + 500 + 700 + 300 + 900 = 5600
        given().get("/api/v1/technologies/containerization/series?signal=github_topic_developers&from=2025-Q4").then()
                .statusCode(200)
                .body("series[0].points[0].raw", equalTo(1000.0))
                .body("series[0].points[0].value", closeTo(1000.0 / 5600, 1e-15));

        JsonPath again = Runs.runToEnd("innovation-graph");
        assertEquals("succeeded", again.getString("status"));
        assertEquals(0, again.getInt("inserted") + again.getInt("updated"));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("dev.techtrends.connectors.Runs#instants")
    @Order(2)
    void aFileWithoutTheColumnsRejectsEveryQuarterAndChangesNothing(String instant) {
        clock.set(Instant.parse(instant));
        Quarter lastComplete = Quarter.of(Runs.lastComplete(clock.instant()).plusMonths(1).atDay(1)).minus(1);
        int quarters = Quarter.parse("2025-Q2").quartersUntil(lastComplete) + 1;
        server.stubFor(get(urlPathEqualTo("/data/topics.csv")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody("version https://git-lfs.github.com/spec/v1\n"
                        + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n")));
        JsonPath run = Runs.runToEnd("innovation-graph");
        assertEquals("failed", run.getString("status"));
        assertEquals(quarters, run.getInt("periodsFetched"), "every complete quarter asked, 2025-Q2 … " + lastComplete);
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"));
        assertTrue(run.getString("notes").contains("not an Innovation Graph file: topics.csv: the header"),
                run.getString("notes"));
    }

    @Test
    @Order(3)
    void aServerErrorIsRetried() {
        server.stubFor(get(urlPathEqualTo("/data/languages.csv")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(502)));
        JsonPath run = Runs.runToEnd("innovation-graph");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(3, run.getInt("requests"));
    }

    @Test
    @Order(4)
    void gzipAndRetryAfterAreHandledAndASecondRunIsRefused() {
        // languages rate limited once, then both files gzip-compressed and slow enough for a second start to meet
        server.stubFor(get(urlPathEqualTo("/data/languages.csv")).atPriority(1).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        server.stubFor(get(urlPathEqualTo("/data/languages.csv")).atPriority(1).inScenario("limited")
                .whenScenarioStateIs("ok").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(Runs.gzip(Runs.fixture("innovation-graph/languages.csv")))));
        server.stubFor(get(urlPathEqualTo("/data/topics.csv")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withHeader("Content-Encoding", "gzip")
                .withBody(Runs.gzip(Runs.fixture("innovation-graph/topics.csv"))).withFixedDelay(1000)));
        JsonPath run = Runs.runWhileASecondIsRefused("innovation-graph");
        assertEquals("succeeded", run.getString("status"), run.prettify());
        assertEquals(0, run.getInt("inserted") + run.getInt("updated"), "the same answers as before, compressed");
        Runs.assertRetryAfterHonoured(server);
    }
}
