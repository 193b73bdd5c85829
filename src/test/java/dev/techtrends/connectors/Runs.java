package dev.techtrends.connectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.techtrends.database.DerivedData;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;

/** Starting a connector run through the API and waiting for its end, as an operator would. */
final class Runs {
    static final String ADMIN = "test-admin-key";

    /**
     * The instants a connector's first run is tried at: the last second of a year, New Year, 29 February, then the
     * default test instant last, so that the ordered tests after it find the months they were written for.
     */
    static List<String> instants() {
        return List.of("2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z", "2028-02-29T12:00:00Z",
                dev.techtrends.TestClock.DEFAULT.toString());
    }

    /** The newest complete month at an instant, as a run at that instant sees it. */
    static YearMonth lastComplete(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).minusMonths(1);
    }

    /**
     * Deletes every stored value of a connector's signal and waits for the scores to follow, as if the connector had
     * never run.
     */
    static void forget(Pool pool, DerivedData scores, String signal) {
        pool.preparedQuery("delete from observation where signal_key = $1")
                .execute(Tuple.of(signal)).await().atMost(Duration.ofSeconds(10));
        scores.caughtUp().await().atMost(Duration.ofSeconds(60));
    }

    /** The distinct source keys the catalogue maps for a signal: what a connector asks its source for. */
    static int sourceKeys(Pool pool, String signal) {
        return count(pool, "select count(distinct source_key) from technology_source_key where signal_key = $1",
                signal);
    }

    /** The technologies with a source key for a signal: the observations a complete period writes. */
    static int technologies(Pool pool, String signal) {
        return count(pool, "select count(distinct technology_id) from technology_source_key where signal_key = $1",
                signal);
    }

    private static int count(Pool pool, String sql, String signal) {
        return pool.preparedQuery(sql).execute(Tuple.of(signal)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0).intValue();
    }

    /** Months from first to last, both included. */
    static int months(YearMonth first, YearMonth last) {
        return (int) first.until(last, ChronoUnit.MONTHS) + 1;
    }

    private Runs() {
    }

    /** A recorded answer under src/test/resources/connectors. */
    static String fixture(String path) {
        try (InputStream in = Runs.class.getClassLoader().getResourceAsStream("connectors/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body as an API that compresses sends it (Content-Encoding: gzip). */
    static byte[] gzip(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The requests WireMock served, in the order they arrived: its journal lists the newest first. (Sorting by the
     * logged time instead put two requests of the same millisecond in either order, and a test then measured the
     * wait before a retry from the wrong request.)
     */
    static List<ServeEvent> inArrivalOrder(
            WireMockServer server) {
        var events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    /** The request after each 429 came at least its Retry-After (1 s) later, as WireMock's journal shows. */
    static void assertRetryAfterHonoured(WireMockServer server) {
        var events = inArrivalOrder(server);
        int limited = 0;
        for (int i = 0; i + 1 < events.size(); i++) {
            if (events.get(i).getResponse().getStatus() == 429) {
                limited++;
                long gap = events.get(i + 1).getRequest().getLoggedDate().getTime()
                        - events.get(i).getRequest().getLoggedDate().getTime();
                Assertions.assertTrue(gap >= 950, "waited " + gap + " ms after a 429");
            }
        }
        Assertions.assertTrue(limited > 0, "a 429 was served");
    }

    /**
     * Starts a run whose answers are slowed down, checks that a second start is refused (409) while it goes on, and
     * answers the first run's end.
     */
    static JsonPath runWhileASecondIsRefused(String connector) {
        Response first = start(connector);
        first.then().statusCode(202);
        start(connector).then().statusCode(409).contentType("application/problem+json");
        return awaitEnd(first.header("Location"));
    }

    static Response start(String connector) {
        return given().header("X-API-Key", ADMIN).post("/api/v1/connectors/" + connector + "/runs");
    }

    /** Starts a run (202) and polls its Location until it is no longer running. */
    static JsonPath runToEnd(String connector) {
        Response started = start(connector);
        started.then().statusCode(202);
        return awaitEnd(started.header("Location"));
    }

    static JsonPath awaitEnd(String location) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath run = given().header("X-API-Key", ADMIN).get(location).then().statusCode(200)
                    .header("ETag", Matchers.nullValue()) // an admin read is never cached
                    .extract().jsonPath();
            if (!"running".equals(run.getString("status"))) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("the run at " + location + " did not end within 60 s");
    }
}
