package dev.techtrends.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TechnologyResourceTest {

    static final String ADMIN_KEY = "test-admin-key";
    static final String HONO = """
            {"slug":"hono","name":"Hono","category":"frameworks",
             "description":"A small web framework built on Web Standards.",
             "homepage":"https://hono.dev","firstReleased":2021,"aliases":["honojs"],
             "relations":[{"type":"runs-on","target":"nodejs"},{"type":"runs-on","target":"deno"}]}""";

    @AfterEach
    void removeWhatTheTestCreated() {
        for (String slug : List.of("hono", "hono-js")) {
            given().header("X-API-Key", ADMIN_KEY).delete("/api/v1/technologies/" + slug);
        }
    }

    @Test
    void listsFrameworksWithTheirRelations() {
        given().when().get("/api/v1/technologies?category=frameworks&size=100")
                .then().statusCode(200)
                .body("totalItems", equalTo(BundledCatalogue.count("frameworks")))
                .body("items.category", everyItem(equalTo("frameworks")))
                .body("items.slug", equalTo(BundledCatalogue.slugs("frameworks").stream().sorted().toList()))
                .body("items.find { it.slug == 'nestjs' }.relations.slug", hasItems("nodejs", "typescript"))
                .body("items.find { it.slug == 'ruby-on-rails' }.relations[0].type", equalTo("written-in"))
                .body("items.find { it.slug == 'ruby-on-rails' }.relations[0].slug", equalTo("ruby"));
    }

    @Test
    void technologyShowsRelationsBothWays() {
        given().when().get("/api/v1/technologies/nodejs")
                .then().statusCode(200)
                .body("name", equalTo("Node.js"))
                .body("category", equalTo("runtimes"))
                .body("firstReleased", equalTo(2009))
                .body("relatedFrom.findAll { it.type == 'runs-on' }.slug",
                        equalTo(BundledCatalogue.related("runs-on", "nodejs")));
        given().when().get("/api/v1/technologies/nestjs")
                .then().statusCode(200)
                .body("relations.find { it.type == 'runs-on' }.slug", equalTo("nodejs"))
                .body("relations.find { it.type == 'written-in' }.slug", equalTo("typescript"))
                .body("relatedFrom", empty());
    }

    @Test
    void queryMatchesNameAndAliasesCaseInsensitively() {
        given().when().get("/api/v1/technologies?q=GOLANG")
                .then().statusCode(200).body("items.slug", contains("go"));
        given().when().get("/api/v1/technologies?q=node")
                .then().statusCode(200).body("items.slug", hasItem("nodejs"));
        given().when().get("/api/v1/technologies?q=postgres")
                .then().statusCode(200).body("items.slug", contains("postgresql"));
        given().when().get("/api/v1/technologies?q=100%25")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
    }

    @Test
    void relationFilterFindsWhatRunsOnNode() {
        given().when().get("/api/v1/technologies?relation=runs-on:nodejs")
                .then().statusCode(200).body("items.slug", equalTo(BundledCatalogue.related("runs-on", "nodejs")));
        List<String> descending = given().when().get("/api/v1/technologies?relation=written-in:python&sort=-name")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder(BundledCatalogue.related("written-in", "python").toArray()))
                .extract().jsonPath().getList("items.slug", String.class);
        List<String> ascending = new ArrayList<>(given().when()
                .get("/api/v1/technologies?relation=written-in:python&sort=name").then().statusCode(200)
                .extract().jsonPath().getList("items.slug", String.class));
        Collections.reverse(ascending);
        Assertions.assertEquals(ascending, descending);
    }

    @Test
    void sortsByFirstReleaseBothWaysWithSlugAsTieBreak() {
        JsonPath ascending = given().when().get("/api/v1/technologies?category=languages&sort=firstReleased&size=100")
                .then().statusCode(200).extract().jsonPath();
        List<String> expected = BundledCatalogue.byFirstRelease("languages", false);
        // Java, JavaScript, PHP and Ruby all appeared in 1995: the slug decides their order.
        Assertions.assertTrue(String.join(",", expected).contains("java,javascript,php,ruby"), expected::toString);
        assertOrder(ascending.getList("items.slug"), expected);
        JsonPath descending = given().when()
                .get("/api/v1/technologies?category=languages&sort=-firstReleased&size=100")
                .then().statusCode(200).extract().jsonPath();
        assertOrder(descending.getList("items.slug"), BundledCatalogue.byFirstRelease("languages", true));
    }

    private static void assertOrder(List<Object> actual, List<String> expected) {
        Assertions.assertEquals(expected, actual);
    }

    @Test
    void pagingWalksTheWholeListWithLinks() {
        int technologies = BundledCatalogue.technologies().size();
        int last = (technologies + 9) / 10;
        given().when().get("/api/v1/technologies?size=10&page=2&sort=name")
                .then().statusCode(200)
                .body("items", hasSize(10))
                .body("page", equalTo(2))
                .body("totalItems", equalTo(technologies))
                .body("totalPages", equalTo(last))
                .header("Link", containsString("</api/v1/technologies?sort=name&page=1&size=10>; rel=\"prev\""))
                .header("Link", containsString("</api/v1/technologies?sort=name&page=3&size=10>; rel=\"next\""))
                .header("Link", containsString("</api/v1/technologies?sort=name&page=" + last
                        + "&size=10>; rel=\"last\""));
        given().when().get("/api/v1/technologies?size=10&page=" + last)
                .then().statusCode(200).body("items", hasSize(technologies - 10 * (last - 1)))
                .header("Link", not(containsString("rel=\"next\"")));
        given().when().get("/api/v1/technologies?size=10&page=" + (last + 5))
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(technologies));
    }

    @Test
    void badQueryParametersAreProblemsWithTheirFields() {
        given().when().get("/api/v1/technologies?page=abc&size=501")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("page", "size"))
                .body("errors[0].reason", equalTo("must be a whole number, got 'abc'"))
                .body("errors[1].reason", equalTo("must be between 1 and 500"));
        given().when().get("/api/v1/technologies?sort=popularity")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().when().get("/api/v1/technologies?relation=likes:nodejs")
                .then().statusCode(400).body("errors[0].field", equalTo("relation"));
        given().when().get("/api/v1/technologies?category=spaceships")
                .then().statusCode(400).body("errors[0].field", equalTo("category"))
                .body("errors[0].reason", equalTo("no category has the slug 'spaceships'"));
    }

    @Test
    void unknownTechnologyIsA404Problem() {
        given().when().get("/api/v1/technologies/fortran")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No technology has the slug 'fortran'."))
                .body("type", equalTo("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"));
    }

    @Test
    void createReadReplacePatchDelete() {
        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON).body(HONO)
                .when().post("/api/v1/technologies")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/technologies/hono"))
                .body("aliases", contains("honojs"))
                .body("relations.slug", contains("deno", "nodejs"));
        given().when().get("/api/v1/technologies/nodejs")
                .then().body("relatedFrom.slug", hasItem("hono"));

        given().header("X-API-Key", ADMIN_KEY).contentType("application/merge-patch+json")
                .body("{\"homepage\":null,\"relations\":[{\"type\":\"runs-on\",\"target\":\"bun\"},"
                        + "{\"type\":\"runs-on\",\"target\":\"nodejs\"}]}")
                .when().patch("/api/v1/technologies/hono")
                .then().statusCode(200)
                .body("homepage", nullValue())
                .body("name", equalTo("Hono"))
                .body("firstReleased", equalTo(2021))
                .body("aliases", contains("honojs"))
                .body("relations.slug", contains("bun", "nodejs"));

        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(HONO.replace("\"slug\":\"hono\"", "\"slug\":\"hono-js\"").replace("2021", "2022"))
                .when().put("/api/v1/technologies/hono")
                .then().statusCode(200)
                .body("slug", equalTo("hono-js"))
                .body("firstReleased", equalTo(2022))
                .body("relations.slug", contains("deno", "nodejs"));
        given().when().get("/api/v1/technologies/hono").then().statusCode(404);

        given().header("X-API-Key", ADMIN_KEY).when().delete("/api/v1/technologies/hono-js").then().statusCode(204);
        given().when().get("/api/v1/technologies/hono-js").then().statusCode(404);
        given().when().get("/api/v1/technologies/nodejs").then().body("relatedFrom.slug", not(hasItem("hono-js")));
    }

    @Test
    void rejectedWritesLeaveTheTechnologyUnchanged() {
        String before = given().get("/api/v1/technologies/nestjs").then().statusCode(200).extract().asString();

        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(HONO.replace("\"slug\":\"hono\"", "\"slug\":\"nestjs\""))
                .when().post("/api/v1/technologies")
                .then().statusCode(409)
                .body("detail", equalTo("A technology with the slug 'nestjs' already exists."));

        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(HONO.replace("\"slug\":\"hono\"", "\"slug\":\"nestjs\"").replace("\"target\":\"deno\"", "\"target\":\"fortran\""))
                .when().put("/api/v1/technologies/nestjs")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("relations[1].target"))
                .body("errors[0].reason", equalTo("no technology has the slug 'fortran'"));

        given().header("X-API-Key", ADMIN_KEY).contentType("application/merge-patch+json")
                .body("{\"slug\":\"express\"}")
                .when().patch("/api/v1/technologies/nestjs")
                .then().statusCode(409);

        given().header("X-API-Key", ADMIN_KEY).contentType("application/merge-patch+json")
                .body("{\"firstReleased\":1200,\"relations\":[{\"type\":\"runs-on\",\"target\":\"nestjs\"}]}")
                .when().patch("/api/v1/technologies/nestjs")
                .then().statusCode(400)
                .body("errors.field", hasItem("firstReleased"));

        given().contentType(ContentType.JSON).body(HONO).when().post("/api/v1/technologies").then().statusCode(401);

        String after = given().get("/api/v1/technologies/nestjs").then().statusCode(200).extract().asString();
        Assertions.assertEquals(before, after);
    }

    @Test
    void deletingATechnologyOthersPointAtIsAConflict() {
        given().header("X-API-Key", ADMIN_KEY).when().delete("/api/v1/technologies/nodejs")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Other technologies point at 'nodejs' ("
                        + String.join(", ", BundledCatalogue.related("runs-on", "nodejs").stream()
                                .map(slug -> slug + " runs-on").toList())
                        + "); remove those relations first."));
        given().when().get("/api/v1/technologies/nodejs").then().statusCode(200);
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(HONO.replace("\"firstReleased\":2021", "\"firstReleased\":\"soon\""))
                .when().post("/api/v1/technologies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("firstReleased"));
        given().header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(HONO.replace("\"firstReleased\"", "\"released\""))
                .when().post("/api/v1/technologies")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("released"))
                .body("errors[0].reason", equalTo("unknown field"));
        given().get("/api/v1/technologies/hono").then().statusCode(404);
    }
}
