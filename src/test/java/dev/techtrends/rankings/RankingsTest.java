package dev.techtrends.rankings;

import static dev.techtrends.rankings.ExpectedScores.ARCHITECTURE;
import static dev.techtrends.rankings.ExpectedScores.JOBS;
import static dev.techtrends.rankings.ExpectedScores.LANGUAGE;
import static dev.techtrends.rankings.ExpectedScores.LANGUAGES;
import static dev.techtrends.rankings.ExpectedScores.TOPIC;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.BundledCatalogue;
import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rankings on the bundled data, checked against method v1 recomputed in the test from the CSV files
 * ({@link ExpectedScores}), never against the service's own scoring classes.
 */
@QuarkusTest
class RankingsTest {

    static final double TOLERANCE = 1e-6;

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    static JsonPath get(String path) {
        return given().get(path).then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath();
    }

    static List<Map<String, Object>> items(JsonPath json) {
        return json.getList("items");
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static void assertClose(Double expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what + " should be null");
            return;
        }
        assertNotNull(actual, what + " should be " + expected + ", is null");
        assertEquals(expected, number(actual), TOLERANCE, what);
    }

    /** The items in the expected order, each with the expected figures and competition ranks 1..n (no ties here). */
    static void assertRanking(JsonPath json, Map<String, ExpectedScores.Expected> expected, List<String> order,
            String figureName, Function<ExpectedScores.Expected, Double> figure) {
        List<Map<String, Object>> items = items(json);
        assertEquals(order, items.stream().map(item -> (String) item.get("technology")).toList());
        int rank = 0;
        for (Map<String, Object> item : items) {
            String slug = (String) item.get("technology");
            ExpectedScores.Expected e = expected.get(slug);
            assertClose(e.popularity(), item.get("popularity"), slug + " popularity");
            assertClose(e.momentum(), item.get("momentum"), slug + " momentum");
            assertClose(e.momentumPct(), item.get("momentumPct"), slug + " momentumPct");
            assertClose(e.trendScore(), item.get("trendScore"), slug + " trendScore");
            assertEquals(e.coverage(), number(item.get("coverage")), 1e-12, slug + " coverage");
            assertEquals(ExpectedScores.stage(e), item.get("stage"), slug + " stage");
            if (figure.apply(e) == null) {
                assertNull(item.get("rank"), slug + " has no " + figureName + ", so no rank");
            } else {
                assertEquals(++rank, item.get("rank"), slug + " rank by " + figureName);
            }
        }
    }

    static void assertTrendRanking(JsonPath json, Map<String, ExpectedScores.Expected> expected) {
        assertRanking(json, expected, ExpectedScores.order(expected, ExpectedScores.Expected::trendScore), "trend",
                ExpectedScores.Expected::trendScore);
    }

    @Test
    void architectureAsOf2025Q3IsTheMethodRecomputedFromTheCsvFiles() {
        JsonPath json = get("/api/v1/rankings?method=v1&category=architecture&asOf=2025-Q3");
        assertEquals("2025-Q3", json.getString("asOf"));
        assertEquals("architecture", json.getString("category"));
        assertEquals("trend", json.getString("sort"));
        assertEquals("balanced", json.getString("preset"));
        assertEquals("v1", json.getString("method"));
        assertEquals(0.5, json.getDouble("momentumWeight"));

        ExpectedScores data = ExpectedScores.bundled();
        int asOf = ExpectedScores.quarter(json.getString("asOf"));
        // The arithmetic in this quarter: topics are fresh, the GitHub language data (Dockerfile, Solidity, Jupyter)
        // ended in 2024-Q1, six quarters earlier, so it counts with 0.3 * 0.5^(6/4); job postings weigh 0.
        assertEquals(asOf, data.newestQuarter(TOPIC));
        assertEquals(asOf - 6, data.newestQuarter(LANGUAGE));
        Map<String, ExpectedScores.Expected> expected = data.category(ARCHITECTURE, asOf);
        ExpectedScores.Component dockerfile = expected.get("containerization").components().get(LANGUAGE);
        assertEquals(6, dockerfile.age());
        assertNull(expected.get("microservices").components().get(LANGUAGE), "no GitHub language stands for it");

        List<String> order = ExpectedScores.order(expected, ExpectedScores.Expected::trendScore);
        assertEquals(List.of("artificial-intelligence", "containerization"), order.subList(0, 2),
                "the recomputed order itself");
        assertTrendRanking(json, expected);
        Map<String, String> confidence = Map.of("artificial-intelligence", "high", "containerization", "high",
                "microservices", "medium", "serverless", "medium", "blockchain", "high");
        confidence.forEach((slug, level) -> assertEquals(level,
                json.getString("items.find { it.technology == '" + slug + "' }.confidence"), slug));

        // The stale weight as the breakdown shows it.
        given().get("/api/v1/technologies/containerization/score?method=v1&asOf=2025-Q3").then().statusCode(200)
                .body("signals.find { it.signal == 'github_language_developers' }.latestPeriod", equalTo("2024-Q1"))
                .body("signals.find { it.signal == 'github_language_developers' }.ageInQuarters", equalTo(6))
                .body("signals.find { it.signal == 'github_language_developers' }.weightUsed",
                        closeTo(0.3 * Math.pow(0.5, 6 / 4.0), 1e-12))
                .body("signals.find { it.signal == 'github_topic_developers' }.weightUsed", closeTo(0.3, 1e-12))
                .body("signals.find { it.signal == 'github_language_developers' }.normalisedLevel",
                        closeTo(expected.get("containerization").normalisedLevels().get(LANGUAGE), TOLERANCE));
    }

    @Test
    void defaultAsOfIsTheNewestCompleteQuarterAndItsRankingMatches() {
        ExpectedScores data = ExpectedScores.bundled();
        JsonPath json = get("/api/v1/rankings?method=v1&category=architecture");
        assertEquals(ExpectedScores.quarter(data.newestQuarter()), json.getString("asOf"));
        int asOf = ExpectedScores.quarter(json.getString("asOf"));
        // By then the GitHub language data is more than 8 quarters old and drops out: topics alone decide.
        assertTrue(asOf - data.newestQuarter(LANGUAGE) > 8);
        Map<String, ExpectedScores.Expected> expected = data.category(ARCHITECTURE, asOf);
        expected.values().stream().filter(e -> !e.components().isEmpty()).forEach(e -> assertEquals(List.of(TOPIC),
                List.copyOf(e.components().keySet()), e.technology() + " rests on topics alone"));
        assertTrendRanking(json, expected);

        JsonPath databases = get("/api/v1/rankings?method=v1&category=databases");
        assertTrendRanking(databases, data.category(ExpectedScores.members("databases"), asOf));
    }

    @Test
    void customWeightsChangeTheOrderAsTheArithmeticSays() {
        ExpectedScores data = ExpectedScores.bundled();
        int asOf = ExpectedScores.quarter("2023-Q4");
        // Both GitHub signals are fresh in 2023-Q4.
        assertEquals(asOf, data.component(LANGUAGE, "containerization", asOf).dataQuarter());
        assertEquals(asOf, data.component(TOPIC, "containerization", asOf).dataQuarter());

        Map<String, ExpectedScores.Expected> byLanguage = data.category(ARCHITECTURE, asOf, Map.of(LANGUAGE, 1.0), 0.5);
        Map<String, ExpectedScores.Expected> byTopic = data.category(ARCHITECTURE, asOf, Map.of(TOPIC, 1.0), 0.5);
        List<String> languageOrder = ExpectedScores.order(byLanguage, ExpectedScores.Expected::trendScore);
        List<String> topicOrder = ExpectedScores.order(byTopic, ExpectedScores.Expected::trendScore);
        // Dockerfile leads the language signal, AI the topics; microservices and serverless have no GitHub language,
        // so with only that signal weighted they have no score and come last.
        assertEquals("containerization", languageOrder.get(0));
        assertEquals("artificial-intelligence", topicOrder.get(0));
        assertNull(byLanguage.get("microservices").trendScore());
        assertNull(byLanguage.get("serverless").trendScore());

        JsonPath language = get("/api/v1/rankings?method=v1&category=architecture&asOf=2023-Q4&weights=github_language_developers:1");
        assertNull(language.get("preset"));
        assertEquals(Map.of(LANGUAGE, 1.0), language.getMap("weights"));
        assertEquals(List.of("github-innovation-graph"), language.getList("sources.id"));
        assertTrendRanking(language, byLanguage);
        assertNull(language.get("items.find { it.technology == 'microservices' }.popularity"),
                "weighted 0, topics cannot make a popularity");

        JsonPath topic = get("/api/v1/rankings?method=v1&category=architecture&asOf=2023-Q4&weights=github_topic_developers:1");
        assertTrendRanking(topic, byTopic);

        // Languages: JavaScript leads the GitHub language signal, Python the topics.
        Map<String, ExpectedScores.Expected> languagesByLanguage = data.category(LANGUAGES, asOf, Map.of(LANGUAGE, 1.0), 0.5);
        Map<String, ExpectedScores.Expected> languagesByTopic = data.category(LANGUAGES, asOf, Map.of(TOPIC, 1.0), 0.5);
        assertEquals("javascript", ExpectedScores.order(languagesByLanguage, ExpectedScores.Expected::trendScore).get(0));
        assertEquals("python", ExpectedScores.order(languagesByTopic, ExpectedScores.Expected::trendScore).get(0));
        assertTrendRanking(get("/api/v1/rankings?method=v1&category=languages&asOf=2023-Q4&weights=github_language_developers:1"),
                languagesByLanguage);
        assertTrendRanking(get("/api/v1/rankings?method=v1&category=languages&asOf=2023-Q4&weights=github_topic_developers:1"),
                languagesByTopic);

        // Only ratios matter, and momentumWeight moves T between P and the momentum term.
        Map<String, ExpectedScores.Expected> mixed = data.category(LANGUAGES, asOf,
                Map.of(LANGUAGE, 2.0, ExpectedScores.SEARCH, 1.0), 0.2);
        assertTrendRanking(get("/api/v1/rankings?method=v1&category=languages&asOf=2023-Q4"
                + "&weights=github_language_developers:2,search_interest:1&momentumWeight=0.2"), mixed);
    }

    @Test
    void jobsPresetRanksByJobPostings() {
        ExpectedScores data = ExpectedScores.bundled();
        Map<String, ExpectedScores.Expected> expected = data.category(ARCHITECTURE, ExpectedScores.quarter("2023-Q4"),
                Map.of(JOBS, 1.0), 0.5);
        assertEquals("artificial-intelligence", ExpectedScores.order(expected, ExpectedScores.Expected::trendScore)
                .get(0));
        JsonPath json = get("/api/v1/rankings?method=v1&category=architecture&asOf=2023-Q4&preset=jobs");
        assertEquals("jobs", json.getString("preset"));
        assertEquals(Map.of(JOBS, 1.0), json.getMap("weights"));
        assertEquals(List.of("hn-hiring-trends"), json.getList("sources.id"));
        assertTrendRanking(json, expected);

        // At the default asOf the HN data (ending 2024-Q1) is more than 8 quarters old: nobody has a jobs score.
        JsonPath now = get("/api/v1/rankings?method=v1&category=architecture&preset=jobs");
        assertTrue(ExpectedScores.quarter(now.getString("asOf")) - data.newestQuarter(JOBS) > 8);
        assertEquals(ARCHITECTURE, now.getList("items.technology"));
        assertEquals(ARCHITECTURE.size(),
                ((List<?>) now.get("items.findAll { it.rank == null && it.trendScore == null }")).size());
    }

    @Test
    void anOlderQuarterReproducesThatQuartersStoredRanking() {
        JsonPath json = get("/api/v1/rankings?method=v1&category=languages&asOf=2023-Q4");
        assertEquals("2023-Q4", json.getString("asOf"));
        assertTrendRanking(json, ExpectedScores.bundled().category(LANGUAGES, ExpectedScores.quarter("2023-Q4")));
        for (Map<String, Object> item : items(json)) {
            String slug = (String) item.get("technology");
            JsonPath history = get("/api/v1/technologies/" + slug + "/history?method=v1");
            Map<String, Object> point = history.getMap("items.find { it.quarter == '2023-Q4' }");
            assertNotNull(point, slug + " has a 2023-Q4 history entry");
            for (String field : List.of("rank", "popularity", "momentum", "momentumPct", "trendScore", "stage",
                    "coverage", "confidence")) {
                assertEquals(point.get(field), item.get(field), slug + " " + field + " in 2023-Q4");
            }
        }
        // A date is the quarter it falls in.
        assertEquals(json.getList("items"), get("/api/v1/rankings?method=v1&category=languages&asOf=2023-11-15").getList("items"));
    }

    @Test
    void sortByPopularityOrMomentum() {
        Map<String, ExpectedScores.Expected> expected = ExpectedScores.bundled().category(ARCHITECTURE,
                ExpectedScores.quarter("2025-Q3"));

        JsonPath popularity = get("/api/v1/rankings?method=v1&category=architecture&asOf=2025-Q3&sort=popularity");
        assertEquals("popularity", popularity.getString("sort"));
        List<String> byPopularity = ExpectedScores.order(expected, ExpectedScores.Expected::popularity);
        assertEquals(List.of("artificial-intelligence", "containerization", "blockchain"), byPopularity.subList(0, 3));
        assertRanking(popularity, expected, byPopularity, "popularity", ExpectedScores.Expected::popularity);

        JsonPath momentum = get("/api/v1/rankings?method=v1&category=architecture&asOf=2025-Q3&sort=momentum");
        assertEquals("momentum", momentum.getString("sort"));
        List<String> byMomentum = ExpectedScores.order(expected, ExpectedScores.Expected::momentum);
        List<String> firstFive = List.of("artificial-intelligence", "microservices", "containerization", "serverless",
                "blockchain");
        assertEquals(firstFive, byMomentum.stream().filter(firstFive::contains).toList(),
                "growth is each technology's own: the first catalogue's five keep their order");
        assertRanking(momentum, expected, byMomentum, "momentum", ExpectedScores.Expected::momentum);

        given().get("/api/v1/rankings?method=v1&sort=hype").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        given().get("/api/v1/rankings?method=v1&category=nosuch").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("category"));
    }

    @Test
    void overallRankingListsEveryTechnologyThoseWithoutDataLast() {
        JsonPath json = get("/api/v1/rankings?method=v1");
        assertNull(json.get("category"));
        assertTrue(json.getString("note").startsWith("Across categories"));
        List<Map<String, Object>> items = items(json);
        assertEquals(BundledCatalogue.technologies().size(), items.size());
        // v1 weighs no survey: Quarkus, on the survey and live connectors only, has no data and is listed last
        int scored = (int) items.stream().filter(item -> item.get("trendScore") != null).count();
        List<Map<String, Object>> unscored = items.subList(scored, items.size());
        assertEquals(unscored.stream().map(item -> (String) item.get("technology")).sorted().toList(),
                unscored.stream().map(item -> (String) item.get("technology")).toList(), "by slug");
        Map<String, Object> quarkus = unscored.stream().filter(item -> item.get("technology").equals("quarkus"))
                .findFirst().orElseThrow();
        assertEquals("frameworks", quarkus.get("category"));
        for (String field : List.of("rank", "popularity", "momentum", "momentumPct", "trendScore", "stage")) {
            assertNull(quarkus.get(field), "quarkus " + field);
        }
        assertEquals(0.0, number(quarkus.get("coverage")));
        assertEquals("low", quarkus.get("confidence"));

        // The others are sorted by trend score, each computed within its own category.
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < scored; i++) {
            double trend = number(items.get(i).get("trendScore"));
            assertTrue(trend <= previous, "sorted by trend score at " + items.get(i).get("technology"));
            assertNotNull(items.get(i).get("rank"));
            previous = trend;
        }
        ExpectedScores data = ExpectedScores.bundled();
        int asOf = ExpectedScores.quarter(json.getString("asOf"));
        Map<String, ExpectedScores.Expected> architecture = data.category(ARCHITECTURE, asOf);
        Map<String, ExpectedScores.Expected> languages = data.category(LANGUAGES, asOf);
        for (Map<String, Object> item : items) {
            String slug = (String) item.get("technology");
            ExpectedScores.Expected e = architecture.containsKey(slug) ? architecture.get(slug) : languages.get(slug);
            if (e != null) {
                assertClose(e.trendScore(), item.get("trendScore"), slug + " overall trend score");
            }
        }
    }

    @Test
    void limitKeepsTheFirstItems() {
        JsonPath all = get("/api/v1/rankings?method=v1&category=languages");
        assertEquals(LANGUAGES.size(), items(all).size());
        JsonPath three = get("/api/v1/rankings?method=v1&category=languages&limit=3");
        assertEquals(items(all).subList(0, 3), items(three));
        assertEquals(1, items(get("/api/v1/rankings?method=v1&limit=1")).size());
        given().get("/api/v1/rankings?method=v1&limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/rankings?method=v1&limit=501").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/rankings?method=v1&limit=ten").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void csvHasTheHeaderAndOneLinePerItem() {
        JsonPath json = get("/api/v1/rankings?method=v1&category=architecture&asOf=2025-Q3");
        String csv = given().accept("text/csv").get("/api/v1/rankings?method=v1&category=architecture&asOf=2025-Q3")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("rank,rank_change,technology,name,category,popularity,momentum,momentum_pct,trend_score,"
                + "trend_score_delta,stage,coverage,confidence,direction,recent_change_pct,tier,rank_best,rank_worst,"
                + "popularity_low,popularity_high,momentum_pct_low,momentum_pct_high,trend_score_low,trend_score_high",
                lines.get(0));
        assertEquals(1 + ARCHITECTURE.size(), lines.size());
        List<Map<String, Object>> items = items(json);
        for (int i = 0; i < items.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            Map<String, Object> item = items.get(i);
            assertEquals(String.valueOf(i + 1), cells[0]);
            assertEquals(item.get("technology"), cells[2]);
            assertEquals(item.get("name"), cells[3]);
            assertEquals("architecture", cells[4]);
            assertEquals(number(item.get("popularity")), Double.parseDouble(cells[5]), 1e-12);
            assertEquals(number(item.get("trendScore")), Double.parseDouble(cells[8]), 1e-12);
            assertEquals(item.get("stage"), cells[10]);
            assertEquals(item.get("confidence"), cells[12]);
        }

        List<String> overall = given().accept("text/csv").get("/api/v1/rankings?method=v1").then().statusCode(200)
                .extract().asString().lines().toList();
        assertEquals(1 + BundledCatalogue.technologies().size(), overall.size());
        assertTrue(overall.contains(",,quarkus,Quarkus,frameworks,,,,,,,0.0,low,,,,,,,,,,,"), "Quarkus, without data");
    }

    /**
     * A category without any data in an early quarter (architecture before 2011) has no stored scores, so the
     * stored path answers an empty list, while any computed path (other sort, custom weights) lists every technology
     * with null figures, as DESIGN §1 asks ("listed with coverage 0 and no score").
     */
    @Test
    void aQuarterWithoutDataStillListsTheCategory() {
        JsonPath computed = get("/api/v1/rankings?method=v1&category=architecture&asOf=2005-Q1&sort=popularity");
        assertEquals(ARCHITECTURE, computed.getList("items.technology"));
        JsonPath stored = get("/api/v1/rankings?method=v1&category=architecture&asOf=2005-Q1");
        assertEquals(ARCHITECTURE, stored.getList("items.technology"));
        assertEquals(BundledCatalogue.technologies().size(), items(get("/api/v1/rankings?method=v1&asOf=2005-Q1"))
                .size());
    }

    static List<String> slugs(JsonPath json) {
        return new ArrayList<>(json.getList("items.technology"));
    }

    @Test
    void aCategoryRankingHoldsOnlyItsTechnologiesWithAttribution() {
        given().get("/api/v1/rankings?method=v1&category=architecture").then().statusCode(200)
                .body("items.category", everyItem(equalTo("architecture")))
                .body("items", hasSize(ARCHITECTURE.size()))
                .body("items.find { it.technology == 'quarkus' }", nullValue())
                .body("sources.find { it.id == 'github-innovation-graph' }.licence", equalTo("CC0 1.0"));
        assertNotEquals(slugs(get("/api/v1/rankings?method=v1&category=architecture&asOf=2023-Q4&weights=github_language_developers:1")),
                slugs(get("/api/v1/rankings?method=v1&category=architecture&asOf=2023-Q4&weights=github_topic_developers:1")));
    }
}
