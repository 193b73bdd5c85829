package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** What the OpenAPI document promises and the server keeps (the contract stage of .ci/test checks the rest). */
@QuarkusTest
class ContractPromisesTest {

    @Test
    void aMethodThePathDoesNotHaveIs405WithAllow() {
        given().delete("/api/v1/rankings").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS")
                .contentType("application/problem+json");
        given().contentType("application/json").body("{}").put("/api/v1/categories").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, POST");
    }

    @Test
    void aClientThatAcceptsProblemsIsAnswered() {
        given().accept("application/problem+json").get("/api/v1/rankings").then().statusCode(200)
                .contentType("application/json");
        given().accept("application/problem+json").delete("/api/v1/technologies/fortran").then().statusCode(401)
                .contentType("application/problem+json");
        given().accept("*/*").get("/api/v1/categories/databases").then().statusCode(200);
    }

    @Test
    void ifModifiedSinceIsHonoured() {
        String lastModified = given().get("/api/v1/rankings?category=databases").then().statusCode(200)
                .extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get("/api/v1/rankings?category=databases").then()
                .statusCode(304);
        given().header("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT").get("/api/v1/rankings?category=databases")
                .then().statusCode(200);
        given().header("If-Modified-Since", "yesterday").get("/api/v1/rankings?category=databases").then()
                .statusCode(200);
        given().header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified)
                .get("/api/v1/rankings?category=databases").then().statusCode(200);
    }

    @Test
    void jsonIsOneMediaType() {
        for (String path : List.of("/api/v1/categories", "/api/v1/categories/databases", "/api/v1/technologies/go",
                "/api/v1/technologies/go/score", "/api/v1/rankings", "/api/v1/methodology", "/api/v1/sources")) {
            given().get(path).then().statusCode(200).header("Content-Type", "application/json");
            given().get(path).then().header("Content-Type", "application/json"); // the cached answer too
        }
    }

    @Test
    void theDocumentIsExact() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("Apache-2.0", openApi.getString("info.license.identifier"));
        assertEquals("/", openApi.getString("servers[0].url"));
        assertEquals(true, openApi.getBoolean("paths.'/api/v1/compare'.get.parameters.find { it.name == 'technologies' }.required"));
        assertEquals("integer", openApi.getString("paths.'/api/v1/rankings'.get.parameters.find { it.name == 'limit' }.schema.type"));
        assertEquals(List.of("number", "null"), openApi.getList("components.schemas.RankingItem.properties.trendScore.type"));
        assertEquals(List.of("string"), List.of(openApi.getString("components.schemas.RankingItem.properties.technology.type")));
        assertTrue(openApi.getList("components.schemas.RankingItem.required").contains("trendScore"));
        assertEquals("#/components/schemas/TechnologyPatch", openApi.getString(
                "paths.'/api/v1/technologies/{slug}'.patch.requestBody.content.'application/merge-patch+json'.schema.'$ref'"));
        assertEquals("#/components/schemas/ScoreOrder", openApi.getString(
                "paths.'/api/v1/rankings'.get.parameters.find { it.name == 'sort' }.schema.'$ref'"));
        given().accept("application/json").get("/q/openapi").then()
                .body("components.schemas.keySet()", Matchers.not(hasItem("JsonNode")))
                .body("paths.'/api/v1/compare'.get.responses.'404'.content.'application/problem+json'.example.detail",
                        equalTo("No technology has the slug 'fortran'."));
    }

    @Test
    void scoreFiguresCarryAtMostTwelveSignificantDigits() {
        for (String path : List.of("/api/v1/rankings?category=frameworks", "/api/v1/technologies/python/score",
                "/api/v1/rankings?category=languages&weights=search_interest:1,qa_questions:3",
                "/api/v1/compare?technologies=go,rust")) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            Matcher number = Pattern.compile("-?\\d+\\.\\d+(?:E-?\\d+)?").matcher(body);
            while (number.find()) {
                String digits = number.group().replaceAll("E.*", "").replace("-", "").replace(".", "")
                        .replaceAll("^0+", "");
                assertTrue(digits.length() <= 12, path + ": " + number.group());
            }
        }
    }
}
