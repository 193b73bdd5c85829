package dev.techtrends.rankings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** method=v2: same ranks and trend scores as v1 in a quarter, its own default asOf and coverage. */
@QuarkusTest
class MethodV2ApiTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    @Test
    void v2DefaultsToTheNewestQuarterWithHalfTheWeightFresh() {
        // Topics end 2025-Q3 (0.3), Q&A 2025-Q4 (0.2), search 2026-Q2 (0.2): 2025-Q3 is the newest with >= 0.5.
        given().get("/api/v1/rankings?category=architecture&method=v2").then().statusCode(200)
                .body("method", equalTo("v2"))
                .body("asOf", equalTo("2025-Q3"));
        given().get("/api/v1/methodology?method=v2").then().statusCode(200)
                .body("version", equalTo("v2"))
                .body("defaultAsOf", equalTo("2025-Q3"))
                .body("parameters.defaultAsOfMinWeightShare", equalTo(0.5));
        given().get("/api/v1/rankings?method=v9").then().statusCode(400)
                .body("errors[0].field", equalTo("method"));
    }

    @Test
    void v2KeepsV1RanksAndScoresButCountsStalenessInCoverage() {
        JsonPath v1 = given().get("/api/v1/rankings?category=architecture&asOf=2025-Q3&method=v1").then().statusCode(200)
                .extract().jsonPath();
        JsonPath v2 = given().get("/api/v1/rankings?category=architecture&asOf=2025-Q3&method=v2").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(v1.getList("items.technology"), v2.getList("items.technology"));
        assertEquals(v1.getList("items.trendScore"), v2.getList("items.trendScore"));
        // Containerization at 2025-Q3: topics fresh (0.3), Dockerfile 6 quarters old (0.3 * 0.5^1.5).
        JsonPath score = given().get("/api/v1/technologies/containerization/score?asOf=2025-Q3&method=v2").then()
                .statusCode(200).body("method", equalTo("v2")).extract().jsonPath();
        assertEquals(0.3 + 0.3 * Math.pow(0.5, 1.5), score.getDouble("coverage"), 1e-12);
        assertEquals(0.6, given().get("/api/v1/technologies/containerization/score?asOf=2025-Q3&method=v1").then()
                .extract().jsonPath().getDouble("coverage"), 1e-12);
    }

    @Test
    void v2CoverageFollowsTheWeightsAsked() {
        // preset=jobs at 2023-Q4: every technology with job data has its one asked signal fresh: coverage 1.
        List<Map<String, Object>> items = given()
                .get("/api/v1/rankings?category=frameworks&asOf=2023-Q4&preset=jobs&method=v2").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> nestjs = items.stream().filter(item -> item.get("technology").equals("nestjs"))
                .findFirst().orElseThrow();
        assertEquals(1.0, (Double) nestjs.get("coverage"), 1e-12);
        assertEquals("high", nestjs.get("confidence"));
        given().get("/api/v1/movers?method=v2&direction=rising&limit=3").then().statusCode(200)
                .body("method", equalTo("v2")).body("asOf", equalTo("2025-Q3"))
                .body("items.confidence", Matchers.not(hasItem("low")));
    }
}
