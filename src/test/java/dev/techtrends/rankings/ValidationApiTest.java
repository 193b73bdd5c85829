package dev.techtrends.rankings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.signals.ExactNumbers;
import dev.techtrends.web.csv.Csv;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    static final Set<String> FRAMEWORKS = Set.of("aspnet-core", "django", "express", "fastapi", "flask", "laravel",
            "nestjs", "quarkus", "ruby-on-rails", "spring-boot");

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    /** Frameworks' usage (all respondents) in an edition, straight from the file; "Spring" is spring-boot. */
    static Map<String, Double> frameworkUsage(int edition) {
        try (InputStream in = ValidationApiTest.class.getClassLoader()
                .getResourceAsStream("data/stackoverflow-survey/survey_usage.csv")) {
            List<List<String>> records = Csv.records(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            Map<String, Double> usage = new HashMap<>();
            for (List<String> record : records.subList(1, records.size())) {
                String slug = record.get(header.indexOf("label")).equals("Spring") ? "spring-boot"
                        : record.get(header.indexOf("slug"));
                if (record.get(header.indexOf("edition")).equals(String.valueOf(edition))
                        && record.get(header.indexOf("population")).equals("all respondents")
                        && FRAMEWORKS.contains(slug)) {
                    usage.put(slug, Double.parseDouble(record.get(header.indexOf("percent"))));
                }
            }
            return usage;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spearman's ρ the textbook way: 1 − 6Σd² / (n(n² − 1)), valid without ties (none in these figures). */
    static double rho(List<Double> x, List<Double> y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double sum = 0;
        for (int i = 0; i < rx.length; i++) {
            sum += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        int n = rx.length;
        return 1 - 6 * sum / (n * ((double) n * n - 1));
    }

    static double[] ranks(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertEquals(values.size(), Arrays.stream(sorted).distinct().count(), "no ties");
        return values.stream().mapToDouble(value -> Arrays.binarySearch(sorted, value) + 1).toArray();
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
        Map<String, Double> usage2024 = frameworkUsage(2024);
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
        assertEquals(popularity.size(), ((Number) result.get("popularityPairs")).intValue());
        assertEquals(rho(popularity, usage), ((Number) result.get("popularity")).doubleValue(), 1e-12);

        Map<String, Double> usage2023 = frameworkUsage(2023);
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
    void v3MatchesUsageInTheLastTwoEditionsAndBeatsV1AndV2() {
        JsonPath v3 = given().get("/api/v1/methodology/validation?method=v3").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("databases", "frameworks", "languages"),
                v3.getList("results").stream().map(r -> ((Map<?, ?>) r).get("category")).distinct().sorted().toList());
        for (int edition : List.of(2023, 2024)) {
            for (String category : List.of("languages", "frameworks", "databases")) {
                Map<String, Object> result = v3.getMap("results.find { it.edition == " + edition
                        + " && it.category == '" + category + "' }");
                double popularity = ((Number) result.get("popularity")).doubleValue();
                double baseline = ((Number) result.get("baseline")).doubleValue();
                assertTrue(popularity >= 0.9, edition + " " + category + ": " + popularity);
                // 2024 languages: one pair swapped against the 2023 order (Go and Rust, README), 0.988 vs 1.0
                assertTrue(popularity >= baseline - 0.015, edition + " " + category + ": " + popularity + " vs "
                        + baseline);
            }
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
