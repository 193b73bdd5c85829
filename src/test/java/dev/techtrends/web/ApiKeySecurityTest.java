package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Reads are public; writes need an admin key. 401 means "who are you?", 403 "you may not". */
@QuarkusTest
class ApiKeySecurityTest {

    static final String NEW_CATEGORY = """
            {"slug":"quantum","name":"Quantum","kind":"architecture","description":"Qubits."}""";

    @Test
    void readsArePublic() {
        given().when().get("/api/v1/technologies/java").then().statusCode(200);
    }

    @Test
    void anonymousWriteIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body(NEW_CATEGORY)
                .when().post("/api/v1/categories")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("ApiKey header=\"X-API-Key\""))
                .body("detail", equalTo("This operation needs an API key with the admin role in the X-API-Key header."));
        given().get("/api/v1/categories/quantum").then().statusCode(404);
    }

    @Test
    void unknownKeyIs401() {
        given().header("X-API-Key", "guess").contentType(ContentType.JSON).body(NEW_CATEGORY)
                .when().post("/api/v1/categories")
                .then().statusCode(401)
                .body("detail", equalTo("The API key is not valid."));
        given().header("X-API-Key", "guess").when().delete("/api/v1/technologies/java").then().statusCode(401);
        given().get("/api/v1/technologies/java").then().statusCode(200);
    }

    @Test
    void clientKeyWithoutAdminRoleIs403() {
        given().header("X-API-Key", "test-client-key").contentType(ContentType.JSON).body(NEW_CATEGORY)
                .when().post("/api/v1/categories")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("The API key is valid but lacks the admin role this operation needs."));
        given().header("X-API-Key", "test-client-key").when().delete("/api/v1/technologies/java")
                .then().statusCode(403);
        given().get("/api/v1/categories/quantum").then().statusCode(404);
        given().get("/api/v1/technologies/java").then().statusCode(200);
    }
}
