package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every failure a client can provoke is an RFC 9457 problem with type, title, status, detail and instance. */
@QuarkusTest
class ProblemDetailsTest {

    @Test
    void unknownRouteUnderTheApi() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("There is no resource at /api/v1/nothing-here."))
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void unknownRouteOutsideTheApi() {
        given().when().get("/no/such/page")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/no/such/page"));
    }

    @Test
    void methodNotAllowed() {
        given().when().delete("/api/v1/categories")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("title", equalTo("Method Not Allowed"))
                .body("detail", equalTo("Method DELETE is not allowed on /api/v1/categories."));
    }

    @Test
    void notAcceptable() {
        given().accept("image/png").when().get("/api/v1/technologies")
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", equalTo("None of the media types in Accept (image/png) can be produced here."));
    }

    @Test
    void unsupportedMediaType() {
        given().header("X-API-Key", "test-admin-key").contentType(ContentType.TEXT).body("slug=x")
                .when().post("/api/v1/technologies")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", startsWith("Content type 'text/plain"));
    }

    @Test
    void malformedJson() {
        given().header("X-API-Key", "test-admin-key").contentType(ContentType.JSON).body("{\"slug\": \"x\",")
                .when().post("/api/v1/categories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("The request body is malformed JSON at line 1"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void emptyBody() {
        given().header("X-API-Key", "test-admin-key").contentType(ContentType.JSON)
                .when().post("/api/v1/categories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void nonNumericPage() {
        given().when().get("/api/v1/categories?page=two")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].reason", equalTo("must be a whole number, got 'two'"));
    }
}
