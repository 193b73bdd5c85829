package dev.techtrends.rankings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.BundledCatalogue;
import dev.techtrends.scoring.Validation;
import dev.techtrends.signals.ExactNumbers;
import dev.techtrends.web.csv.Csv;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /methodology/validation: its figures for one edition and category recomputed here from the bundled survey file, the
 * ranking the service publishes for that quarter, and a rank correlation written in the test.
 */
@QuarkusTest
class ValidationApiTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    /**
     * A category's usage (all respondents) in an edition, straight from the broad survey file through the catalogue's
     * keys ("section | label" per edition): what each of its technologies reported.
     */
    static Map<String, Double> usage(String category, int edition) {
        Set<String> members = Set.copyOf(BundledCatalogue.slugs(category));
        Map<String, List<String>> technologiesByKey = new HashMap<>();
        for (Map<String, String> key : BundledCatalogue.rows("source_keys.csv")) {
            if (key.get("signal").equals("developer_usage") && members.contains(key.get("slug"))) {
                technologiesByKey.computeIfAbsent(key.get("source_key"), k -> new ArrayList<>()).add(key.get("slug"));
            }
        }
        try (InputStream in = ValidationApiTest.class.getClassLoader()
                .getResourceAsStream("data/stackoverflow-survey/survey_usage_broad.csv")) {
            Map<String, Double> usage = new HashMap<>();
            for (Map<String, String> row : Csv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                if (row.get("edition").equals(String.valueOf(edition))
                        && row.get("population").equals("all respondents")) {
                    for (String slug : technologiesByKey.getOrDefault(row.get("section") + " | " + row.get("label"),
                            List.of())) {
                        usage.merge(slug, Double.parseDouble(row.get("percent")), Double::sum);
                    }
                }
            }
            return usage;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spearman's ρ the textbook way: Pearson's correlation of the ranks, ties sharing their mean rank. */
    static double rho(List<Double> x, List<Double> y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mean = (rx.length + 1) / 2.0;
        double products = 0;
        double squaresX = 0;
        double squaresY = 0;
        for (int i = 0; i < rx.length; i++) {
            products += (rx[i] - mean) * (ry[i] - mean);
            squaresX += (rx[i] - mean) * (rx[i] - mean);
            squaresY += (ry[i] - mean) * (ry[i] - mean);
        }
        return products / Math.sqrt(squaresX * squaresY);
    }

    /** 1-based ranks; equal values share the mean of the ranks they span. */
    static double[] ranks(List<Double> values) {
        double[] ranks = new double[values.size()];
        for (int i = 0; i < ranks.length; i++) {
            int below = 0;
            int equal = 0;
            for (double other : values) {
                below += other < values.get(i) ? 1 : 0;
                equal += other == values.get(i) ? 1 : 0;
            }
            ranks[i] = below + (equal + 1) / 2.0;
        }
        return ranks;
    }

    @Test
    void frameworks2024IsRecomputedFromTheFileAndThePublishedRanking() {
        JsonPath validation = given().get("/api/v1/methodology/validation").then().statusCode(200)
                .body("method", equalTo("v3"))
                .body("source.licence", equalTo("ODbL 1.0"))
                .extract().jsonPath();
        Map<String, Object> result = validation.getMap(
                "results.find { it.edition == 2024 && it.category == 'frameworks' }");
        assertEquals("2024-Q2", result.get("asOf"));

        // The ranking as of 2024-Q2 never used data after it, so it is what the validation ranked.
        List<Map<String, Object>> items = given().get("/api/v1/rankings?category=frameworks&asOf=2024-Q2&method=v3")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Double> usage2024 = usage("frameworks", 2024);
        List<Double> popularity = new ArrayList<>();
        List<Double> usage = new ArrayList<>();
        for (Map<String, Object> item : items) {
            String slug = (String) item.get("technology");
            if (item.get("popularity") != null && usage2024.containsKey(slug)) {
                popularity.add(((Number) item.get("popularity")).doubleValue());
                usage.add(usage2024.get(slug));
            }
        }
        assertEquals(usage2024.size(), ((Number) result.get("technologies")).intValue());
        assertTrue(usage2024.size() >= Validation.MIN_TECHNOLOGIES, usage2024::toString);
        assertEquals(popularity.size(), ((Number) result.get("popularityPairs")).intValue());
        assertEquals(rho(popularity, usage), ((Number) result.get("popularity")).doubleValue(), 1e-12);

        Map<String, Double> usage2023 = usage("frameworks", 2023);
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        usage2024.forEach((slug, value) -> {
            if (usage2023.containsKey(slug)) {
                before.add(usage2023.get(slug));
                after.add(value);
            }
        });
        assertEquals(before.size(), ((Number) result.get("baselinePairs")).intValue());
        assertEquals(rho(before, after), ((Number) result.get("baseline")).doubleValue(), 1e-12);
    }

    @Test
    void v3MatchesUsageOnTenOrMoreTechnologiesPerCategoryAndBeatsV1AndV2() {
        JsonPath v3 = given().get("/api/v1/methodology/validation?method=v3").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> results = v3.getList("results");
        for (Map<String, Object> result : results) {
            assertTrue(((Number) result.get("technologies")).intValue() >= Validation.MIN_TECHNOLOGIES,
                    result::toString);
        }
        for (int edition = 2021; edition <= 2024; edition++) {
            for (String category : List.of("languages", "frameworks", "databases")) {
                Map<String, Object> result = v3.getMap("results.find { it.edition == " + edition
                        + " && it.category == '" + category + "' }");
                assertNotNull(result, edition + " " + category + " is validated");
                assertEquals(usage(category, edition).size(), ((Number) result.get("technologies")).intValue(),
                        edition + " " + category);
                if (edition >= 2023) {
                    double popularity = ((Number) result.get("popularity")).doubleValue();
                    assertTrue(popularity >= 0.9, edition + " " + category + ": " + popularity);
                }
            }
        }
        // on par with last year's survey (README "Track record"), not better: within 0.05 in every category
        for (Map<String, Object> summary : v3.<Map<String, Object>>getList("summary")) {
            double popularity = ((Number) summary.get("popularity")).doubleValue();
            double baseline = ((Number) summary.get("baseline")).doubleValue();
            assertTrue(Math.abs(popularity - baseline) <= 0.05, summary::toString);
        }
        for (String older : List.of("v1", "v2")) {
            JsonPath record = given().get("/api/v1/methodology/validation?method=" + older).then().statusCode(200)
                    .body("method", equalTo(older)).extract().jsonPath();
            for (String category : List.of("languages", "frameworks", "databases")) {
                double mean = record.getDouble("summary.find { it.category == '" + category + "' }.popularity");
                double meanV3 = v3.getDouble("summary.find { it.category == '" + category + "' }.popularity");
                assertTrue(meanV3 > mean, category + ": v3 " + meanV3 + " vs " + older + " " + mean);
            }
        }
        given().get("/api/v1/methodology/validation?method=v9").then().statusCode(400)
                .body("errors[0].field", equalTo("method"));
    }

    @Test
    void aspNetCoreIsNoLongerLastAndQuarkusHasAnAttributedScore() {
        List<Map<String, Object>> byPopularity = given().get("/api/v1/rankings?category=frameworks&sort=popularity")
                .then().statusCode(200).body("method", equalTo("v3")).extract().jsonPath().getList("items");
        List<String> withData = byPopularity.stream().filter(item -> item.get("popularity") != null)
                .map(item -> (String) item.get("technology")).toList();
        assertTrue(withData.indexOf("aspnet-core") < 3, withData.toString());
        given().get("/api/v1/technologies/quarkus/score").then().statusCode(200)
                .body("signals.find { it.signal == 'developer_usage' }.levelBasis", equalTo("published"))
                .body("signals.find { it.signal == 'developer_usage' }.level", equalTo(1.28))
                .body("sources.id", Matchers.hasItem("stackoverflow-survey"))
                .body("trendScore", Matchers.notNullValue());
        given().get("/api/v1/technologies/express/score").then().statusCode(200)
                .body("signals.find { it.signal == 'github_topic_developers' }.levelBasis", equalTo("category"))
                .body("signals.find { it.signal == 'github_topic_developers' }.anchoredLevel",
                        Matchers.notNullValue());
        given().get("/api/v1/methodology").then().statusCode(200)
                .body("version", equalTo("v3"))
                .body("parameters.levelBases.category", Matchers.startsWith("share of the category's"));
    }
}
