package dev.techtrends.rankings;

import static dev.techtrends.rankings.ExpectedScores.FRAMEWORKS;
import static dev.techtrends.rankings.RankingsTest.assertClose;
import static dev.techtrends.rankings.RankingsTest.get;
import static dev.techtrends.rankings.RankingsTest.items;
import static dev.techtrends.rankings.RankingsTest.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /technologies/{slug}/score, /history, /movers, /compare and /methodology. */
@QuarkusTest
class ScoreApiTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    static List<Map<String, Object>> list(JsonPath json, String path) {
        return json.getList(path);
    }

    /** Checks a /score body signal by signal against the recomputation from the CSV files. */
    static void assertBreakdown(JsonPath score, List<String> category) {
        String slug = score.getString("technology");
        int asOf = ExpectedScores.quarter(score.getString("asOf"));
        ExpectedScores.Expected expected = ExpectedScores.bundled().category(category, asOf).get(slug);

        assertClose(expected.popularity(), score.get("popularity"), "popularity");
        assertClose(expected.momentum(), score.get("momentum"), "momentum");
        assertClose(expected.momentumPct(), score.get("momentumPct"), "momentumPct");
        assertClose(expected.trendScore(), score.get("trendScore"), "trendScore");
        assertEquals(expected.coverage(), score.getDouble("coverage"), 1e-12);
        assertEquals(ExpectedScores.stage(expected), score.get("stage"));
        assertEquals("data-derived", score.getString("stageBasis"));

        List<Map<String, Object>> signals = list(score, "signals");
        assertEquals(expected.components().keySet(), signals.stream().map(s -> (String) s.get("signal"))
                .collect(Collectors.toCollection(TreeSet::new)), "one entry per signal with data");
        double contributions = 0;
        double popularityShares = 0;
        for (Map<String, Object> signal : signals) {
            String key = (String) signal.get("signal");
            ExpectedScores.Component component = expected.components().get(key);
            int age = (Integer) signal.get("ageInQuarters");
            assertEquals(ExpectedScores.quarter(component.dataQuarter()), signal.get("latestPeriod"), key);
            assertEquals(component.age(), age, key + " age");
            assertEquals(asOf - ExpectedScores.quarter((String) signal.get("latestPeriod")), age, key + " age");
            assertEquals(component.share(), number(signal.get("rawShare")), 1e-12, key + " rawShare");
            assertClose(component.level(), signal.get("level"), key + " level");
            assertClose(expected.normalisedLevels().get(key), signal.get("normalisedLevel"), key + " N");
            assertClose(component.growth(), signal.get("growth"), key + " growth");
            double weight = ExpectedScores.BALANCED.get(key);
            assertEquals(weight, number(signal.get("weight")), 0.0, key + " weight");
            assertEquals(weight * Math.pow(0.5, age / 4.0), number(signal.get("weightUsed")), 1e-12, key + " weightUsed");
            if (signal.get("contribution") != null) {
                contributions += number(signal.get("contribution"));
            }
            if (signal.get("popularityShare") != null) {
                popularityShares += number(signal.get("popularityShare"));
            }
        }
        if (expected.trendScore() != null) {
            assertEquals(score.getDouble("trendScore"), 0.5 * 50 + contributions, 1e-9, "T = α·50 + Σ t");
            assertEquals(1.0, popularityShares, 1e-12);
        }
    }

    /** The changes of the contributions add up to the change of T, which is T now minus T then. */
    static void assertWhyItMoved(String slug, JsonPath score, String change, int quartersBack) {
        String reference = ExpectedScores.quarter(ExpectedScores.quarter(score.getString("asOf")) - quartersBack);
        assertEquals(reference, score.getString(change + ".quarter"));
        JsonPath then = get("/api/v1/technologies/" + slug + "/score?method=v1&asOf=" + reference);
        double delta = score.getDouble(change + ".trendScoreDelta");
        assertEquals(score.getDouble("trendScore") - then.getDouble("trendScore"), delta, 1e-9);
        assertEquals(score.getDouble("popularity") - then.getDouble("popularity"),
                score.getDouble(change + ".popularityDelta"), 1e-9);
        assertEquals(then.getInt("rank") - score.getInt("rank"), score.getInt(change + ".rankChange"));

        Map<String, Double> contributionNow = contributions(score);
        Map<String, Double> contributionThen = contributions(then);
        List<Map<String, Object>> moves = list(score, change + ".whyItMoved");
        assertFalse(moves.isEmpty());
        double sum = 0;
        for (Map<String, Object> move : moves) {
            String signal = (String) move.get("signal");
            double now = number(move.get("contribution"));
            double before = number(move.get("referenceContribution"));
            assertEquals(contributionNow.getOrDefault(signal, 0.0), now, 1e-12, signal + " now");
            assertEquals(contributionThen.getOrDefault(signal, 0.0), before, 1e-12, signal + " then");
            // each figure is published with 12 significant digits, so the difference holds to about 1e-10
            assertEquals(now - before, number(move.get("change")), 1e-9, signal + " change");
            sum += number(move.get("change"));
        }
        assertEquals(delta, sum, 1e-9, "whyItMoved adds up to trendScoreDelta");
    }

    static Map<String, Double> contributions(JsonPath score) {
        Map<String, Double> contributions = new HashMap<>();
        for (Map<String, Object> signal : list(score, "signals")) {
            if (signal.get("contribution") != null) {
                contributions.put((String) signal.get("signal"), number(signal.get("contribution")));
            }
        }
        return contributions;
    }

    @Test
    void nestjsScoreIsExplainedSignalBySignal() {
        JsonPath score = get("/api/v1/technologies/nestjs/score?method=v1");
        assertEquals("nestjs", score.getString("technology"));
        assertEquals("NestJS", score.getString("name"));
        assertEquals("frameworks", score.getString("category"));
        assertEquals("v1", score.getString("method"));
        assertEquals(get("/api/v1/methodology?method=v1").getString("defaultAsOf"), score.getString("asOf"));
        // Topics end in 2025-Q3, three quarters before the default asOf: weight 0.3 · 0.5^(3/4).
        Map<String, Object> topic = score.getMap("signals.find { it.signal == 'github_topic_developers' }");
        assertEquals("2025-Q3", topic.get("latestPeriod"));
        assertEquals(3, topic.get("ageInQuarters"));
        assertEquals(0.3 * Math.pow(0.5, 0.75), number(topic.get("weightUsed")), 1e-12);
        double csv = ExpectedScores.rows("data/github-innovation-graph/topics_global_quarterly.csv").stream()
                .filter(row -> row.get("topic").equals("nestjs") && row.get("period_start").equals("2025-07-01"))
                .mapToDouble(row -> Double.parseDouble(row.get("share_of_sum"))).sum();
        assertEquals(csv, number(topic.get("rawShare")), 1e-15);
        assertBreakdown(score, FRAMEWORKS);
        assertEquals(List.of("github-innovation-graph"), score.getList("sources.id"));

        // In 2025-Q3 topics are fresh and the job postings (weighted 0) six quarters old.
        JsonPath then = get("/api/v1/technologies/nestjs/score?method=v1&asOf=2025-Q3");
        assertEquals(0.3, then.getDouble("signals.find { it.signal == 'github_topic_developers' }.weightUsed"), 1e-15);
        assertEquals(6, then.getInt("signals.find { it.signal == 'job_postings' }.ageInQuarters"));
        assertEquals(0.0, then.getDouble("signals.find { it.signal == 'job_postings' }.weightUsed"));
        assertBreakdown(then, FRAMEWORKS);
        assertBreakdown(get("/api/v1/technologies/express/score?method=v1&asOf=2024-Q2"), FRAMEWORKS);
        assertBreakdown(get("/api/v1/technologies/containerization/score?method=v1&asOf=2025-Q3"), ExpectedScores.ARCHITECTURE);
        assertBreakdown(get("/api/v1/technologies/python/score?method=v1"), ExpectedScores.LANGUAGES);
    }

    @Test
    void whyItMovedAddsUpToTheTrendScoreChange() {
        for (String query : List.of("", "&asOf=2025-Q3", "&asOf=2024-Q1")) {
            JsonPath score = get("/api/v1/technologies/nestjs/score?method=v1" + query);
            assertWhyItMoved("nestjs", score, "sincePreviousQuarter", 1);
            assertWhyItMoved("nestjs", score, "sinceYearAgo", 4);
        }
        JsonPath score = get("/api/v1/technologies/nestjs/score?method=v1&asOf=2025-Q3");
        assertNotEquals(0.0, score.getDouble("sincePreviousQuarter.trendScoreDelta"), "a quarter with a change");
        // Custom weights are recomputed and still add up.
        JsonPath custom = get("/api/v1/technologies/python/score?method=v1&asOf=2023-Q4&weights=search_interest:1,qa_questions:3"
                + "&momentumWeight=0.3");
        assertNull(custom.get("preset"));
        assertEquals(Map.of("search_interest", 1.0, "qa_questions", 3.0), custom.getMap("weights"));
        assertEquals(0.3, custom.getDouble("momentumWeight"));
        ExpectedScores.Expected expected = ExpectedScores.bundled().category(ExpectedScores.LANGUAGES,
                ExpectedScores.quarter("2023-Q4"), Map.of("search_interest", 1.0, "qa_questions", 3.0), 0.3).get("python");
        assertClose(expected.trendScore(), custom.get("trendScore"), "python custom trendScore");
        double contributions = contributions(custom).values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(custom.getDouble("trendScore"), 0.3 * 50 + contributions, 1e-9);
        for (String change : List.of("sincePreviousQuarter", "sinceYearAgo")) {
            double sum = list(custom, change + ".whyItMoved").stream().mapToDouble(m -> number(m.get("change"))).sum();
            assertEquals(custom.getDouble(change + ".trendScoreDelta"), sum, 1e-9);
        }
    }

    @Test
    void quarkusHasNoDataAndSoNoScore() {
        JsonPath score = get("/api/v1/technologies/quarkus/score?method=v1");
        assertEquals(0.0, score.getDouble("coverage"));
        assertEquals("low", score.getString("confidence"));
        for (String field : List.of("popularity", "momentum", "momentumPct", "trendScore", "rank", "stage")) {
            assertNull(score.get(field), field);
        }
        assertEquals(List.of(), score.getList("signals"));
        assertNull(score.get("sincePreviousQuarter.trendScoreDelta"));
        assertEquals(List.of(), score.getList("sincePreviousQuarter.whyItMoved"));
    }

    @Test
    void unknownTechnologyIs404Problem() {
        for (String path : List.of("score", "history")) {
            given().get("/api/v1/technologies/fortran/" + path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("detail", equalTo("No technology has the slug 'fortran'."));
        }
    }

    @Test
    void everyInvalidParameterIs400NamingTheField() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("weights=stars:1", "weights");
        cases.put("weights=search_interest:-1", "weights");
        cases.put("weights=search_interest:abc", "weights");
        cases.put("weights=search_interest:0,qa_questions:0", "weights");
        cases.put("preset=fancy", "preset");
        cases.put("weights=job_postings:0&preset=jobs", "weights");
        cases.put("momentumWeight=2", "momentumWeight");
        cases.put("momentumWeight=abc", "momentumWeight");
        cases.put("asOf=1990-Q1", "asOf");
        cases.put("asOf=yesterday", "asOf");
        cases.put("asOf=2099-Q1", "asOf");
        for (String endpoint : List.of("/api/v1/technologies/nestjs/score?method=v1", "/api/v1/technologies/nestjs/history?method=v1",
                "/api/v1/rankings?method=v1", "/api/v1/rankings?method=v1&category=architecture")) {
            cases.forEach((query, field) -> given().get(endpoint + (endpoint.contains("?") ? "&" : "?") + query)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", everyItem(equalTo(field)))
                    .body("errors[0].reason", Matchers.not(Matchers.emptyOrNullString())));
        }
        given().get("/api/v1/technologies/nestjs/score?method=v1&weights=stars:1").then()
                .body("errors[0].reason", startsWith("weights: unknown signal 'stars'"));
        given().get("/api/v1/technologies/nestjs/score?method=v1&asOf=1990-Q1").then()
                .body("errors[0].reason", startsWith("is outside the data"));
    }

    @Test
    void weightsGivenWithAPresetRefineIt() {
        // learners is search_interest 0.5 and qa_questions 0.5: refined, search_interest counts 2 and the rest stays
        JsonPath refined = given().get("/api/v1/rankings?category=languages&preset=learners&weights=search_interest:2")
                .then().statusCode(200).extract().jsonPath();
        JsonPath spelledOut = given().get("/api/v1/rankings?category=languages&weights=search_interest:2,qa_questions:0.5")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(spelledOut.getList("items"), refined.getList("items"));
        assertEquals(Map.of("search_interest", 2.0, "qa_questions", 0.5), refined.getMap("weights"));
        assertNull(refined.get("preset"));

        // 0 takes a signal out; a refinement that changes nothing is the preset itself, served as stored
        JsonPath withoutQa = given().get("/api/v1/rankings?category=languages&preset=learners&weights=qa_questions:0")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(given().get("/api/v1/rankings?category=languages&weights=search_interest:0.5").then()
                .statusCode(200).extract().jsonPath().getList("items"),
                withoutQa.getList("items"));
        String balanced = given().get("/api/v1/rankings?category=languages&preset=balanced").then().statusCode(200)
                .extract().asString();
        given().get("/api/v1/rankings?category=languages&preset=balanced&weights=developer_usage:0.5").then()
                .statusCode(200).body("preset", equalTo("balanced"))
                .body(equalTo(balanced));
    }

    @Test
    void asOfAsADateIsItsQuarter() {
        String byDate = given().get("/api/v1/technologies/nestjs/score?method=v1&asOf=2024-02-10").then().statusCode(200)
                .extract().asString();
        String byQuarter = given().get("/api/v1/technologies/nestjs/score?method=v1&asOf=2024-Q1").then().statusCode(200)
                .extract().asString();
        assertEquals(byQuarter, byDate);
        assertEquals("2024-Q1", get("/api/v1/technologies/nestjs/score?method=v1&asOf=2024-02-10").getString("asOf"));
        assertEquals(get("/api/v1/technologies/nestjs/score?method=v1&asOf=2024-Q1&preset=developers").getDouble("trendScore"),
                get("/api/v1/technologies/nestjs/score?method=v1&asOf=2024-03-31&preset=developers").getDouble("trendScore"));
    }

    @Test
    void historyHasOneItemPerQuarterUpToTheDefaultAsOf() {
        String defaultAsOf = get("/api/v1/methodology?method=v1").getString("defaultAsOf");
        JsonPath history = get("/api/v1/technologies/nestjs/history?method=v1");
        assertEquals("nestjs", history.getString("technology"));
        assertEquals("frameworks", history.getString("category"));
        List<Map<String, Object>> items = items(history);
        int first = ExpectedScores.quarter((String) items.get(0).get("quarter"));
        for (int i = 0; i < items.size(); i++) {
            assertEquals(ExpectedScores.quarter(first + i), items.get(i).get("quarter"), "one item per quarter");
        }
        assertEquals(defaultAsOf, items.get(items.size() - 1).get("quarter"));

        Map<String, Object> q3 = history.getMap("items.find { it.quarter == '2025-Q3' }");
        JsonPath score = get("/api/v1/technologies/nestjs/score?method=v1&asOf=2025-Q3");
        for (String field : List.of("popularity", "momentum", "momentumPct", "trendScore", "rank", "stage",
                "coverage", "confidence")) {
            assertEquals(score.get(field), q3.get(field), field);
        }
        List<Map<String, Object>> untilQ3 = items(get("/api/v1/technologies/nestjs/history?method=v1&asOf=2025-Q3"));
        assertEquals("2025-Q3", untilQ3.get(untilQ3.size() - 1).get("quarter"));
        assertEquals(items.subList(0, untilQ3.size()), untilQ3);

        List<String> csv = given().accept("text/csv").get("/api/v1/technologies/nestjs/history?method=v1").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString().lines().toList();
        assertEquals("technology,quarter,popularity,momentum,momentum_pct,trend_score,rank,stage,coverage,confidence,"
                + "direction,recent_change_pct,tier,rank_best,rank_worst,popularity_low,popularity_high,"
                + "momentum_pct_low,momentum_pct_high,trend_score_low,trend_score_high",
                csv.get(0));
        assertEquals(1 + items.size(), csv.size());
        String last = csv.get(csv.size() - 1);
        assertTrue(last.startsWith("nestjs," + defaultAsOf + ","), last);
        assertEquals(history.getDouble("items[-1].trendScore"), Double.parseDouble(last.split(",")[5]), 1e-12);
    }

    @Test
    void moversAreOrderedByMomentumWithoutLowConfidence() {
        JsonPath rising = get("/api/v1/movers?method=v1");
        assertEquals("rising", rising.getString("direction"));
        assertFalse(rising.getBoolean("includeLowConfidence"));
        List<Map<String, Object>> items = items(rising);
        assertEquals(5, items.size(), "default limit");
        // The same as the overall ranking sorted by momentum, low confidence left out.
        List<Map<String, Object>> all = items(get("/api/v1/rankings?method=v1"));
        List<String> expected = all.stream()
                .filter(item -> item.get("momentum") != null && !"low".equals(item.get("confidence")))
                .sorted(Comparator.comparing((Map<String, Object> item) -> -number(item.get("momentum")))
                        .thenComparing(item -> (String) item.get("technology")))
                .map(item -> (String) item.get("technology")).toList();
        assertEquals(expected.subList(0, 5), rising.getList("items.technology"));
        assertDescending(items, true);

        JsonPath fading = get("/api/v1/movers?method=v1&direction=fading&limit=8");
        assertEquals("fading", fading.getString("direction"));
        assertEquals(8, items(fading).size());
        assertDescending(items(fading), false);
        List<String> fadingExpected = all.stream()
                .filter(item -> item.get("momentum") != null && !"low".equals(item.get("confidence")))
                .sorted(Comparator.comparing((Map<String, Object> item) -> number(item.get("momentum")))
                        .thenComparing(item -> (String) item.get("technology")))
                .map(item -> (String) item.get("technology")).toList();
        assertEquals(fadingExpected.subList(0, 8), fading.getList("items.technology"));

        given().get("/api/v1/movers?method=v1&category=frameworks&limit=100").then().statusCode(200)
                .body("items.category", everyItem(equalTo("frameworks")));

        // Before Stack Overflow existed, languages and databases rest on PYPL alone: coverage 0.2, low confidence.
        JsonPath early = get("/api/v1/movers?method=v1&asOf=2007-Q1");
        assertEquals(List.of(), early.getList("items"));
        JsonPath earlyAll = get("/api/v1/movers?method=v1&asOf=2007-Q1&includeLowConfidence=true&limit=100");
        assertTrue(earlyAll.getBoolean("includeLowConfidence"));
        assertFalse(items(earlyAll).isEmpty());
        assertTrue(items(earlyAll).stream().allMatch(item -> "low".equals(item.get("confidence"))));
        assertDescending(items(earlyAll), true);

        given().get("/api/v1/movers?method=v1&direction=sideways").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("direction"));
        given().get("/api/v1/movers?method=v1&includeLowConfidence=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("includeLowConfidence"));
    }

    static void assertDescending(List<Map<String, Object>> items, boolean descending) {
        for (int i = 1; i < items.size(); i++) {
            double before = number(items.get(i - 1).get("momentum"));
            double after = number(items.get(i).get("momentum"));
            assertTrue(descending ? before >= after : before <= after, "momentum order at " + items.get(i));
        }
    }

    @Test
    void compareAlignsEveryArrayOnTheQuarters() {
        JsonPath compare = get("/api/v1/compare?technologies=nestjs,express");
        List<String> quarters = compare.getList("quarters");
        assertEquals(compare.getString("asOf"), quarters.get(quarters.size() - 1));
        int first = ExpectedScores.quarter(quarters.get(0));
        for (int i = 0; i < quarters.size(); i++) {
            assertEquals(ExpectedScores.quarter(first + i), quarters.get(i));
        }
        assertEquals(List.of("nestjs", "express"), compare.getList("technologies.technology"));
        for (Map<String, Object> technology : list(compare, "technologies")) {
            for (String series : List.of("trendScore", "popularity", "momentumPct")) {
                assertEquals(quarters.size(), ((List<?>) technology.get(series)).size(), series);
            }
            Map<String, Map<String, List<?>>> signals = (Map<String, Map<String, List<?>>>) technology.get("signals");
            assertFalse(signals.isEmpty());
            signals.forEach((signal, values) -> {
                assertEquals(quarters.size(), values.get("share").size(), signal + " share");
                assertEquals(quarters.size(), values.get("normalisedLevel").size(), signal + " normalisedLevel");
            });
            String slug = (String) technology.get("technology");
            List<?> trend = (List<?>) technology.get("trendScore");
            assertEquals(get("/api/v1/technologies/" + slug + "/score").getDouble("trendScore"),
                    number(trend.get(trend.size() - 1)).doubleValue());
            int q2 = quarters.indexOf("2025-Q2");
            assertEquals(ExpectedScores.bundled().share("github_topic_developers", slug, ExpectedScores.quarter("2025-Q2"))
                    .doubleValue(), number(signals.get("github_topic_developers").get("share").get(q2)).doubleValue(), 1e-15);
        }

        given().get("/api/v1/compare?technologies=php,python,java,ruby,javascript,typescript,go,csharp,kotlin,rust,nodejs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("technologies"));
        given().get("/api/v1/compare").then().statusCode(400).body("errors[0].field", equalTo("technologies"));
        given().get("/api/v1/compare?technologies=nestjs,fortran").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No technology has the slug 'fortran'."));
    }

    @Test
    void methodologyPublishesVersionPresetsThresholdsAndSources() {
        JsonPath methodology = get("/api/v1/methodology?method=v1");
        assertEquals("v1", methodology.getString("version"));
        ExpectedScores data = ExpectedScores.bundled();
        assertEquals(ExpectedScores.quarter(data.newestQuarter()), methodology.getString("defaultAsOf"));
        assertEquals(ExpectedScores.quarter(data.firstQuarter()), methodology.getString("firstQuarter"));
        assertEquals(get("/api/v1/rankings?method=v1").getString("asOf"), methodology.getString("defaultAsOf"));
        assertFalse(methodology.getList("formulas").isEmpty());

        Map<String, Object> presets = methodology.getMap("parameters.presets");
        assertEquals(List.of("balanced", "developers", "learners", "jobs"), List.copyOf(presets.keySet()));
        assertEquals(ExpectedScores.BALANCED, presets.get("balanced"));
        assertEquals(Map.of("github_topic_developers", 0.5, "github_language_developers", 0.5), presets.get("developers"));
        assertEquals(Map.of("search_interest", 0.5, "qa_questions", 0.5), presets.get("learners"));
        assertEquals(Map.of("job_postings", 1.0), presets.get("jobs"));
        assertEquals("balanced", methodology.getString("parameters.defaultPreset"));

        assertEquals(50.0, methodology.getDouble("parameters.stageThresholds.adoptMinPopularity"));
        assertEquals(Math.log(0.9), methodology.getDouble("parameters.stageThresholds.adoptMinMomentum"), 1e-15);
        assertEquals(Math.log(1.15), methodology.getDouble("parameters.stageThresholds.trialMinMomentum"), 1e-15);
        assertEquals(0.0, methodology.getDouble("parameters.stageThresholds.assessMinMomentum"));
        assertEquals(0.25, methodology.getDouble("parameters.confidenceThresholds.lowBelowCoverage"));
        assertEquals(0.6, methodology.getDouble("parameters.confidenceThresholds.mediumBelowCoverage"));
        assertEquals(8, methodology.getInt("parameters.maxAgeQuarters"));
        assertEquals(4, methodology.getInt("parameters.stalenessHalfLifeQuarters"));
        assertEquals(Math.log(2), methodology.getDouble("parameters.momentumScale"), 1e-15);

        Map<String, String> licences = new HashMap<>();
        for (Map<String, Object> source : list(methodology, "sources")) {
            licences.put((String) source.get("id"), (String) source.get("licence"));
            assertNotNull(source.get("licenceUrl"));
            assertFalse(((String) source.get("attribution")).isBlank());
        }
        assertEquals(Map.of("github-innovation-graph", "CC0 1.0", "hn-hiring-trends", "MIT", "pypl", "CC BY 3.0",
                "stackoverflow", "CC BY-SA 4.0", "stackoverflow-survey", "ODbL 1.0", "stackexchange-api", "CC BY-SA 4.0",
                "wikimedia-pageviews", "CC0 1.0"), licences);
    }

    /**
     * In a quarter inside the scored range where the technology's category has no data yet (frameworks before
     * 2011-Q2), the stored and the computed answers agree: a score with coverage 0 and null figures.
     */
    @Test
    void aQuarterWithoutDataGivesAScoreWithoutFigures() {
        JsonPath computed = get("/api/v1/technologies/nestjs/score?method=v1&asOf=2005-Q1&momentumWeight=0.4");
        assertEquals(0.0, computed.getDouble("coverage"));
        JsonPath stored = get("/api/v1/technologies/nestjs/score?method=v1&asOf=2005-Q1");
        assertEquals("nestjs", stored.getString("technology"));
        assertEquals(0.0, stored.getDouble("coverage"));
        assertNull(stored.get("trendScore"));
    }
}
