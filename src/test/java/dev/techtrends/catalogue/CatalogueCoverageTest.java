package dev.techtrends.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole catalogue as a reader meets it: 150 technologies or more in their categories, each described and on real
 * data. The report prints every technology's signals (the coverage table of docs/data-sources.md) and fails on one
 * with none.
 */
@QuarkusTest
class CatalogueCoverageTest {

    @Test
    void everyTechnologyHasADescriptionAndDataAndMostHaveTwoSignals() {
        JsonPath all = given().get("/api/v1/technologies?size=500").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> technologies = all.getList("items");
        assertEquals(BundledCatalogue.technologies().size(), technologies.size());
        assertTrue(technologies.size() >= 150, technologies.size() + " technologies");

        Map<String, List<String>> report = new TreeMap<>();
        List<String> withoutData = new ArrayList<>();
        int twoOrMore = 0;
        for (Map<String, Object> technology : technologies) {
            String slug = (String) technology.get("slug");
            List<String> signals = given().get("/api/v1/technologies/" + slug + "/series").then().statusCode(200)
                    .extract().jsonPath().getList("series.signal", String.class);
            assertEquals(signals.size(), technology.get("signalsWithData"), slug);
            report.put(technology.get("category") + " " + slug, signals);
            assertFalse(((String) technology.get("description")).isBlank(), slug);
            if (signals.isEmpty()) {
                withoutData.add(slug);
            }
            twoOrMore += signals.size() >= 2 ? 1 : 0;
        }
        System.out.printf("Catalogue coverage: %d technologies, %d with two or more signals (%.1f %%)%n",
                technologies.size(), twoOrMore, 100.0 * twoOrMore / technologies.size());
        report.forEach((technology, signals) -> System.out.printf("  %-40s %d  %s%n", technology, signals.size(),
                String.join(", ", signals)));
        assertEquals(List.of(), withoutData, "technologies without any signal");
        assertTrue(twoOrMore >= 0.8 * technologies.size(), twoOrMore + " of " + technologies.size()
                + " with two or more signals");
    }

    @Test
    void aTechnologyOnOneSignalSaysSoWithLowConfidence() {
        List<String> single = given().get("/api/v1/technologies?size=500").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.signalsWithData == 1 }.slug", String.class);
        assertFalse(single.isEmpty(), "the catalogue has technologies on one signal");
        for (String slug : single) {
            given().get("/api/v1/technologies/" + slug + "/score").then().statusCode(200)
                    .body("confidence", equalTo("low"));
        }
    }

    @Test
    void theListFiltersByCategoryTypeAndCoverage() {
        int relational = (int) BundledCatalogue.technologies().stream()
                .filter(row -> row.get("type").equals("relational")).count();
        assertTrue(relational >= 5, "relational databases in the catalogue: " + relational);
        given().get("/api/v1/technologies?category=databases&type=relational&size=500").then().statusCode(200)
                .body("totalItems", equalTo(relational))
                .body("items.type", everyItem(equalTo("relational")))
                .body("items.category", everyItem(equalTo("databases")));
        given().get("/api/v1/technologies?type=no-such-type").then().statusCode(200).body("totalItems", equalTo(0));

        JsonPath covered = given().get("/api/v1/technologies?minCoverage=3&size=500").then().statusCode(200)
                .body("items.signalsWithData", everyItem(greaterThanOrEqualTo(3))).extract().jsonPath();
        long expected = given().get("/api/v1/technologies?size=500").then().extract().jsonPath()
                .getList("items.signalsWithData", Integer.class).stream().filter(signals -> signals >= 3).count();
        assertEquals(expected, covered.getLong("totalItems"));
        given().get("/api/v1/technologies?minCoverage=21").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("minCoverage"));
    }
}
