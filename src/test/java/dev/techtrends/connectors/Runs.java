package dev.techtrends.connectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Starting a connector run through the API and waiting for its end, as an operator would. */
final class Runs {
    static final String ADMIN = "test-admin-key";

    private Runs() {
    }

    /** A recorded answer under src/test/resources/connectors. */
    static String fixture(String path) {
        try (java.io.InputStream in = Runs.class.getClassLoader().getResourceAsStream("connectors/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body as an API that compresses sends it (Content-Encoding: gzip). */
    static byte[] gzip(String body) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The requests WireMock served, in the order they arrived: its journal lists the newest first. (Sorting by the
     * logged time instead put two requests of the same millisecond in either order, and a test then measured the
     * wait before a retry from the wrong request.)
     */
    static java.util.List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> inArrivalOrder(
            com.github.tomakehurst.wiremock.WireMockServer server) {
        var events = new java.util.ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    /** The request after each 429 came at least its Retry-After (1 s) later, as WireMock's journal shows. */
    static void assertRetryAfterHonoured(com.github.tomakehurst.wiremock.WireMockServer server) {
        var events = inArrivalOrder(server);
        int limited = 0;
        for (int i = 0; i + 1 < events.size(); i++) {
            if (events.get(i).getResponse().getStatus() == 429) {
                limited++;
                long gap = events.get(i + 1).getRequest().getLoggedDate().getTime()
                        - events.get(i).getRequest().getLoggedDate().getTime();
                org.junit.jupiter.api.Assertions.assertTrue(gap >= 950, "waited " + gap + " ms after a 429");
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(limited > 0, "a 429 was served");
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
                    .header("ETag", org.hamcrest.Matchers.nullValue()) // an admin read is never cached
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
