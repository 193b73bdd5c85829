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
