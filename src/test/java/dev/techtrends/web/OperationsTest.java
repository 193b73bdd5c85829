package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessIncludingTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String ready = given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'scores' }.status", equalTo("UP"))
                .extract().asString();
        // Status, not where the database is.
        assertFalse(ready.contains("5432") || ready.contains("127.0.0.1") || ready.contains("localhost"), ready);
    }

    @Test
    void prometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsEveryOperation() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/technologies'.get.operationId", equalTo("listTechnologies"))
                .body("paths.'/api/v1/technologies/{slug}'.delete.responses.'409'.content.'application/problem+json'.example.status",
                        equalTo(409))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
