package dev.techtrends.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryResourceTest {

    static final String ADMIN_KEY = "test-admin-key";

    @Test
    void listsTheCategoriesWithCounts() {
        given().when().get("/api/v1/categories")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("page", equalTo(1))
                .body("size", equalTo(20))
                .body("items.slug", hasItems("languages", "runtimes", "frameworks", "architecture", "databases",
                        "messaging", "infrastructure", "cloud", "api"))
                .body("items.find { it.slug == 'frameworks' }.kind", equalTo("framework"))
                .body("items.find { it.slug == 'frameworks' }.technologyCount",
                        equalTo(BundledCatalogue.count("frameworks")))
                .body("items.find { it.slug == 'architecture' }.technologyCount",
                        equalTo(BundledCatalogue.count("architecture")))
                .body("items.description", everyItem(notNullValue()));
    }

    @Test
    void getsOneCategoryWithItsTechnologyCount() {
        given().when().get("/api/v1/categories/languages")
                .then().statusCode(200)
                .body("slug", equalTo("languages"))
                .body("kind", equalTo("language"))
                .body("technologyCount", equalTo(BundledCatalogue.count("languages")));
    }

    @Test
    void unknownCategoryIsA404Problem() {
        given().when().get("/api/v1/categories/nope")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No category has the slug 'nope'."))
                .body("instance", equalTo("/api/v1/categories/nope"));
    }

    @Test
    void pagesCarryLinkHeaders() {
        int categories = BundledCatalogue.categoryCount();
        int last = (categories + 3) / 4;
        given().when().get("/api/v1/categories?page=2&size=4")
                .then().statusCode(200)
                .body("items", hasSize(4))
                .body("totalItems", equalTo(categories))
                .body("totalPages", equalTo(last))
                .header("Link", containsString("</api/v1/categories?page=1&size=4>; rel=\"first\""))
                .header("Link", containsString("</api/v1/categories?page=1&size=4>; rel=\"prev\""))
                .header("Link", containsString("</api/v1/categories?page=3&size=4>; rel=\"next\""))
                .header("Link", containsString("</api/v1/categories?page=" + last + "&size=4>; rel=\"last\""));
    }

    @Test
    void createPutPatchAndDeleteACategory() {
        String location = given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body("""
                        {"slug":"message-brokers","name":"Message brokers","kind":"architecture",
                         "description":"Servers that move messages between services."}""")
                .when().post("/api/v1/categories")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/categories/message-brokers"))
                .body("slug", equalTo("message-brokers"))
                .body("technologyCount", equalTo(0))
                .extract().header("Location");

        given().when().get(location).then().statusCode(200).body("name", equalTo("Message brokers"));

        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body("""
                        {"slug":"message-brokers","name":"Brokers","kind":"architecture","description":"Queues."}""")
                .when().put("/api/v1/categories/message-brokers")
                .then().statusCode(200)
                .body("name", equalTo("Brokers"))
                .body("description", equalTo("Queues."));

        given().header("X-API-Key", ADMIN_KEY).contentType("application/merge-patch+json")
                .body("{\"description\":\"Servers that queue and route messages.\"}")
                .when().patch("/api/v1/categories/message-brokers")
                .then().statusCode(200)
                .body("name", equalTo("Brokers"))
                .body("kind", equalTo("architecture"))
                .body("description", equalTo("Servers that queue and route messages."));

        given().header("X-API-Key", ADMIN_KEY).when().delete("/api/v1/categories/message-brokers")
                .then().statusCode(204);
        given().when().get("/api/v1/categories/message-brokers").then().statusCode(404);
    }

    @Test
    void duplicateSlugIsAConflictAndChangesNothing() {
        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body("""
                        {"slug":"frameworks","name":"Other","kind":"framework","description":"Clash."}""")
                .when().post("/api/v1/categories")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("A category with the slug 'frameworks' already exists."));

        given().when().get("/api/v1/categories/frameworks")
                .then().statusCode(200).body("name", equalTo("Frameworks"));
    }

    @Test
    void deletingACategoryThatHoldsTechnologiesIsAConflict() {
        given().header("X-API-Key", ADMIN_KEY).when().delete("/api/v1/categories/languages")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("The category 'languages' still holds " + BundledCatalogue.count("languages")
                        + " technologies; move or delete them first."));
        given().when().get("/api/v1/categories/languages").then().statusCode(200)
                .body("technologyCount", equalTo(BundledCatalogue.count("languages")));
    }

    @Test
    void invalidCategoryListsEveryOffendingField() {
        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"Bad Slug\",\"kind\":\"galaxy\"}")
                .when().post("/api/v1/categories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("slug", "name", "kind", "description"))
                .body("errors.find { it.field == 'kind' }.reason",
                        equalTo("must be one of language, runtime, framework, architecture, database, messaging, "
                                + "infrastructure, cloud, api"));
        given().when().get("/api/v1/categories").then().body("items.slug", not(hasItem("Bad Slug")));
    }

    @Test
    void patchWithAnInvalidResultIsRejectedAndChangesNothing() {
        given().header("X-API-Key", ADMIN_KEY).contentType("application/merge-patch+json")
                .body("{\"name\":null,\"kind\":\"planet\"}")
                .when().patch("/api/v1/categories/databases")
                .then().statusCode(400)
                .body("errors.field", hasItems("name", "kind"));
        given().when().get("/api/v1/categories/databases")
                .then().statusCode(200).body("name", equalTo("Databases")).body("kind", equalTo("database"));
    }
}
