package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What PostgreSQL cannot store, and what Vert.x would refuse bare, comes back as problem+json with CORS headers. */
@QuarkusTest
class RequestLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/technologies/%00", "/api/v1/technologies?q=%00", "/api/v1/technologies?q=a%FFb",
            "/api/v1/technologies/nest%C0%AFjs", "/api/v1/rankings?category=%01", "/api/v1/compare?technologies=go%00",
            "/api/v1/technologies/go/series?signal=%7F"})
    void controlCharactersAndBrokenUtf8AreBadRequests(String target) throws IOException {
        String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nOrigin: https://app.example\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.toLowerCase().contains("access-control-allow-origin: https://app.example"), answer);
    }

    @Test
    void aLongRequestTargetIs414() {
        given().header("Origin", "https://app.example").get("/api/v1/technologies?q=" + "a".repeat(9000)).then()
                .statusCode(414).contentType("application/problem+json").body("title", equalTo("URI Too Long"))
                .header("Access-Control-Allow-Origin", equalTo("https://app.example"));
    }

    /** Up to the longest URL a browser sends, whatever Vert.x's own parser would have refused. */
    @ParameterizedTest
    @ValueSource(ints = {9_000, 15_000, 20_000, 100_000, 2_000_000})
    void everyLongRequestLineIsAProblem(int length) throws IOException {
        String answer = raw("GET /api/v1/technologies?q=" + "a".repeat(length) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer.lines().findFirst().orElse(""));
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":414"), answer);
    }

    @Test
    void largeHeadersAre431() {
        given().header("Origin", "https://app.example").header("X-Padding", "p".repeat(20_000))
                .get("/api/v1/technologies").then().statusCode(431).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", equalTo("https://app.example"));
    }

    @Test
    void aDeclaredBodyAboveTheCapIs413() throws IOException {
        String answer = raw("POST /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nOrigin: https://app.example\r\n"
                + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"status\":413"), answer);
        assertTrue(answer.toLowerCase().contains("access-control-allow-origin: https://app.example"), answer);
    }

    @Test
    void unknownQueryParametersAreNamed() {
        given().get("/api/v1/technologies?catgory=frameworks").then().statusCode(400)
                .body("errors[0].field", equalTo("catgory"))
                .body("errors[0].reason", containsString("category, minCoverage, page, q, relation, size, sort, type"));
        given().get("/api/v1/rankings?_=123").then().statusCode(400).body("errors[0].field", equalTo("_"));
        given().get("/api/v1/methodology?method=v1&asOf=2025-Q3").then().statusCode(400)
                .body("errors[0].reason", containsString("it takes method"));
    }

    @Test
    void cachedReadsSayWhatTheyVaryBy() {
        given().get("/api/v1/rankings?category=databases").then().statusCode(200)
                .header("Vary", containsString("Accept"))
                .header("Vary", containsString("Accept-Encoding"))
                .header("Vary", containsString("Origin"));
        String tag = given().get("/api/v1/rankings?category=databases").then().extract().header("ETag");
        given().header("If-None-Match", tag).get("/api/v1/rankings?category=databases").then().statusCode(304)
                .header("Vary", containsString("Origin"));
    }

    /** A request written byte for byte, as no HTTP client library would send it. */
    private static String raw(String request) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder answer = new StringBuilder();
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    break;
                }
            }
            assertEquals(false, answer.isEmpty(), "an answer");
            return answer.toString();
        }
    }
}
