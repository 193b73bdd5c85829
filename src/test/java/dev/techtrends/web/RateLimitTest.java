package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-client budgets with small quotas, as TECH_TRENDS_RATE_LIMIT_* would set them, shared through Redis. */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class RateLimitTest {

    @BeforeEach
    void everyClientStartsWithItsWholeBudget() {
        TestRedis.forgetClients("203.0.113.");
    }

    @Test
    void aClientsBudgetIsSharedWithTheOtherReplicas() {
        String client = "203.0.113.40";
        // Two other replicas have counted 58 of this client's reads this minute.
        TestRedis.command("SET", "tech-trends:rate:anonymous-reads:" + client, "58", "PX", "60000");
        for (int left = 1; left >= 0; left--) {
            given().header("X-Forwarded-For", client).get("/api/v1/categories").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"anonymous-reads\";r=" + left + ";t=\\d+"));
        }
        given().header("X-Forwarded-For", client).get("/api/v1/categories").then().statusCode(429);
        assertEquals(61, TestRedis.command("GET", "tech-trends:rate:anonymous-reads:" + client).toLong(),
                "this replica's requests are counted where the others see them");
    }

    @Test
    void requestSixtyOneOfAMinuteIsTooManyForAnAnonymousClient() {
        String client = "203.0.113.10"; // a client behind the trusted local proxy, with a budget of its own
        for (int i = 1; i <= 60; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/categories").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"anonymous-reads\";q=60;w=60"))
                    .header("RateLimit", matchesPattern("\"anonymous-reads\";r=" + (60 - i) + ";t=\\d+"));
        }
        String retryAfter = given().header("X-Forwarded-For", client).get("/api/v1/categories").then()
                .statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("anonymous-reads"))
                .header("RateLimit", matchesPattern("\"anonymous-reads\";r=0;t=\\d+"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);

        // The left-most entries are whatever the client wrote: only the right-most untrusted hop counts.
        given().header("X-Forwarded-For", "198.51.100.99, " + client).get("/api/v1/categories").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.11").get("/api/v1/categories").then().statusCode(200);
        // A valid key has its own, larger budget; operations endpoints are never limited.
        given().header("X-Forwarded-For", client).header("X-API-Key", "test-client-key").get("/api/v1/categories")
                .then().statusCode(200).header("RateLimit-Policy", equalTo("\"client-reads\";q=100;w=60"));
        given().header("X-Forwarded-For", client).get("/q/health/ready").then().statusCode(200)
                .header("RateLimit", (String) null);
    }

    @Test
    void wrongKeysAreBrakedByAddress() {
        String client = "203.0.113.20";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client).header("X-API-Key", "guess-" + i).delete("/api/v1/technologies/go")
                    .then().statusCode(401).header("RateLimit-Policy", equalTo("\"failed-auth\";q=3;w=60"));
        }
        given().header("X-Forwarded-For", client).header("X-API-Key", "guess-3").delete("/api/v1/technologies/go")
                .then().statusCode(429).header("Retry-After", not(equalTo(null)));
        // The address may still read without a key.
        given().header("X-Forwarded-For", client).get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void writesHaveABudgetOfTheirOwn() {
        String client = "203.0.113.30";
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().header("X-Forwarded-For", client).contentType("application/json").body("{}")
                    .post("/api/v1/categories").then().extract().statusCode();
            limited += status == 429 ? 1 : 0;
            if (i < 5) {
                assertEquals(401, status, "request " + (i + 1));
            }
        }
        assertEquals(1, limited, "the sixth write of the minute");
    }
}
