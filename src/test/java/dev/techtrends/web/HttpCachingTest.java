package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** ETag/304 revalidation, CORS and compression, as a browser or a CDN sees them. */
@QuarkusTest
class HttpCachingTest {

    static final String ADMIN = "test-admin-key";

    static String etagOf(String path) {
        return given().get(path).then().statusCode(200)
                .header("ETag", matchesPattern("\"[0-9a-f]{16}\""))
                .header("Cache-Control", equalTo("public, max-age=60"))
                .header("Last-Modified", notNullValue())
                .extract().header("ETag");
    }

    @Test
    void repeatedReadsCarryTheSameStrongTagAndRevalidateWith304() {
        for (String path : new String[] {"/api/v1/technologies/nestjs", "/api/v1/rankings?category=architecture",
                "/api/v1/technologies/nestjs/score", "/api/v1/technologies?category=frameworks",
                "/api/v1/technologies/go/series?signal=qa_questions&from=2025-01"}) {
            String first = etagOf(path);
            assertEquals(first, etagOf(path), path);
            given().header("If-None-Match", first).get(path).then()
                    .statusCode(304)
                    .header("ETag", equalTo(first))
                    .body(emptyString());
            given().header("If-None-Match", "\"somethingelse\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void csvAndJsonOfOneResourceHaveDifferentTags() {
        String json = etagOf("/api/v1/rankings?category=databases");
        String csv = given().accept("text/csv").get("/api/v1/rankings?category=databases").then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(json, csv);
    }

    @Test
    void aRelevantWriteChangesTheTagAndAnUnrelatedOneDoesNot() {
        String nestjs = etagOf("/api/v1/technologies/nestjs");
        String go = etagOf("/api/v1/technologies/go");
        String goRanking = etagOf("/api/v1/rankings?category=languages");
        String original = given().get("/api/v1/technologies/nestjs").then().extract().path("description");
        try {
            given().header("X-API-Key", ADMIN).contentType("application/merge-patch+json")
                    .body("{\"description\":\"A progressive Node.js framework (edited by a test).\"}")
                    .patch("/api/v1/technologies/nestjs").then().statusCode(200);

            String nestjsAfter = etagOf("/api/v1/technologies/nestjs");
            assertNotEquals(nestjs, nestjsAfter, "the response shows the new description");
            given().header("If-None-Match", nestjs).get("/api/v1/technologies/nestjs").then().statusCode(200)
                    .body("description", equalTo("A progressive Node.js framework (edited by a test)."));
            assertEquals(go, etagOf("/api/v1/technologies/go"), "Go's representation did not change");
            assertEquals(goRanking, etagOf("/api/v1/rankings?category=languages"), "nor did the languages ranking");
        } finally {
            given().header("X-API-Key", ADMIN).contentType(ContentType.JSON)
                    .body("{\"description\":\"" + original.replace("\"", "\\\"") + "\"}")
                    .patch("/api/v1/technologies/nestjs").then().statusCode(200);
        }
        assertEquals(nestjs, etagOf("/api/v1/technologies/nestjs"), "the same content has the same tag again");
    }

    @Test
    void errorsAndWritesAreNotCached() {
        given().get("/api/v1/technologies/fortran").then().statusCode(404)
                .header("ETag", (String) null).header("Cache-Control", (String) null);
    }

    @Test
    void corsPreflightAndExposedHeaders() {
        given().header("Origin", "https://dashboard.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .options("/api/v1/rankings")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://dashboard.example"))
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"));
        given().header("Origin", "https://dashboard.example").get("/api/v1/technologies?size=5")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://dashboard.example"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }

    /** Both the rendered answer and the repeat served from memory are compressed. */
    @Test
    void jsonAndCsvAreCompressedForClientsThatAcceptIt() {
        for (int i = 0; i < 2; i++) { // the first answer is rendered, the second comes from memory
            for (String accept : new String[] {"application/json", "text/csv"}) {
                given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                        .header("Accept-Encoding", "gzip").accept(accept)
                        .get("/api/v1/rankings?limit=93").then().statusCode(200)
                        .header("Content-Encoding", equalTo("gzip"));
            }
            given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                    .header("Accept-Encoding", "gzip")
                    .get("/api/v1/technologies?category=languages&size=7").then().statusCode(200)
                    .header("Content-Encoding", equalTo("gzip"));
        }
        given().get("/api/v1/technologies?category=languages&size=7").then().statusCode(200)
                .body("items.size()", equalTo(7));
    }

    /** SQL statements the service ran, from its own client metrics. */
    static double sqlStatements() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("postgresql_processing_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aRankingTakesAFixedNumberOfStatementsWhateverTheCategorySize() {
        // The score run, the catalogue and the attributions are loaded once per data version: load them first.
        given().get("/api/v1/rankings?category=databases&limit=96").then().statusCode(200);
        double before = sqlStatements();
        given().get("/api/v1/rankings?category=runtimes&limit=97").then().statusCode(200);
        double runtimes = sqlStatements() - before;
        before = sqlStatements();
        given().get("/api/v1/rankings?category=languages&limit=97").then().statusCode(200);
        double languages = sqlStatements() - before;
        assertEquals(runtimes, languages, "no query per technology");
        assertEquals(1.0, languages, "the ranking rows (the category's id is in memory)");
        before = sqlStatements();
        given().get("/api/v1/rankings?category=languages&limit=97").then().statusCode(200);
        assertEquals(0.0, sqlStatements() - before, "a repeat is answered from memory");
    }
}
