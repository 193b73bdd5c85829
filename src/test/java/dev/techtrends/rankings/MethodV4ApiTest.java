package dev.techtrends.rankings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.BundledCatalogue;
import dev.techtrends.scoring.Validation;
import dev.techtrends.signals.ExactNumbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Method v4 over HTTP on the bundled data: a score's intervals, tier and rank range; movers by interval; stored and
 * computed answers agreeing; and the momentum track record recomputed here for one edition and category from the
 * survey file and the published rankings.
 */
@QuarkusTest
class MethodV4ApiTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void javascriptHasAMomentumWithAnIntervalARecentChangeATierAndARankRange() {
        JsonPath score = given().get("/api/v1/technologies/javascript/score?method=v4").then().statusCode(200)
                .body("method", equalTo("v4")).extract().jsonPath();
        double momentumPct = score.getDouble("momentumPct");
        assertTrue(score.getDouble("momentumPctInterval.low") <= momentumPct
                && momentumPct <= score.getDouble("momentumPctInterval.high"), score.prettify());
        assertTrue(score.getDouble("momentumInterval.low") <= score.getDouble("momentum")
                && score.getDouble("momentum") <= score.getDouble("momentumInterval.high"));
        assertTrue(score.getDouble("popularityInterval.low") <= score.getDouble("popularity")
                && score.getDouble("popularity") <= score.getDouble("popularityInterval.high"));
        assertTrue(score.getDouble("trendScoreInterval.low") <= score.getDouble("trendScore")
                && score.getDouble("trendScore") <= score.getDouble("trendScoreInterval.high"));
        assertNotNull(score.get("recentChangePct"));
        int rank = score.getInt("rank");
        assertTrue(score.getInt("rankRange.best") <= rank && rank <= score.getInt("rankRange.worst"));
        assertTrue(score.getInt("tier") >= 1);
        assertNotNull(score.get("direction"));
        // every signal with a trend shows its window; the momentum shares weigh the trends, and sum to 1
        List<Map<String, Object>> trends = score.getList("signals.findAll { it.trend != null }");
        assertFalse(trends.isEmpty());
        double shares = 0;
        for (Map<String, Object> signal : trends) {
            @SuppressWarnings("unchecked")
            Map<String, Object> trend = (Map<String, Object>) signal.get("trend");
            assertTrue(((String) trend.get("from")).compareTo((String) trend.get("to")) < 0, trend::toString);
            assertTrue(((Number) trend.get("points")).intValue() >= 3);
            shares += signal.get("momentumShare") == null ? 0 : number(signal.get("momentumShare"));
        }
        assertEquals(1, shares, 1e-9);
        // why it moved still adds up exactly
        double delta = score.getDouble("sinceYearAgo.trendScoreDelta");
        double sum = score.<Number>getList("sinceYearAgo.whyItMoved.change").stream().mapToDouble(Number::doubleValue)
                .sum();
        assertEquals(delta, sum, 1e-9);
    }

    @Test
    void moversListOneSideOfZeroByTheWholeInterval() {
        for (String direction : List.of("rising", "fading", "steady")) {
            List<Map<String, Object>> items = given()
                    .get("/api/v1/movers?method=v4&limit=100&includeLowConfidence=true&direction=" + direction)
                    .then().statusCode(200).body("direction", equalTo(direction)).extract().jsonPath()
                    .getList("items");
            assertFalse(items.isEmpty(), direction);
            for (Map<String, Object> item : items) {
                assertEquals(direction, item.get("direction"));
                @SuppressWarnings("unchecked")
                Map<String, Object> interval = (Map<String, Object>) item.get("momentumPctInterval");
                double low = number(interval.get("low"));
                double high = number(interval.get("high"));
                switch (direction) {
                    case "rising" -> assertTrue(low > 0, item::toString);
                    case "fading" -> assertTrue(high < 0, item::toString);
                    default -> assertTrue(low <= 0 && high >= 0, item::toString);
                }
            }
        }
        // without intervals (v3) a direction is the momentum's sign, so no fading list holds a riser either
        for (Map<String, Object> item : given().get("/api/v1/movers?method=v3&direction=fading&limit=100")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            assertTrue(number(item.get("momentum")) < 0, item::toString);
        }
    }

    @Test
    void tiersRunDownTheRankingAndEveryRankLiesInItsRange() {
        List<Map<String, Object>> items = given().get("/api/v1/rankings?category=languages&method=v4").then()
                .statusCode(200).extract().jsonPath().getList("items");
        int tier = 1;
        for (Map<String, Object> item : items) {
            if (item.get("rank") == null) {
                assertEquals(null, item.get("tier"));
                continue;
            }
            int itemTier = ((Number) item.get("tier")).intValue();
            assertTrue(itemTier == tier || itemTier == tier + 1, item::toString);
            tier = itemTier;
            @SuppressWarnings("unchecked")
            Map<String, Object> range = (Map<String, Object>) item.get("rankRange");
            int rank = ((Number) item.get("rank")).intValue();
            assertTrue(((Number) range.get("best")).intValue() <= rank
                    && rank <= ((Number) range.get("worst")).intValue(), item::toString);
        }
        assertTrue(tier > 1, "thirty languages do not all overlap the leader");
    }

    /** The stored ranking (default weights) and one computed from the components (another order) agree. */
    @Test
    void storedAndComputedFiguresAgree() {
        Map<String, Map<String, Object>> stored = new HashMap<>();
        given().get("/api/v1/rankings?category=frameworks&method=v4").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").forEach(item -> stored.put((String) item.get("technology"), item));
        List<Map<String, Object>> computed = given()
                .get("/api/v1/rankings?category=frameworks&method=v4&sort=popularity").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(stored.size(), computed.size());
        for (Map<String, Object> item : computed) {
            Map<String, Object> same = stored.get((String) item.get("technology"));
            for (String figure : List.of("popularity", "momentum", "momentumPct", "trendScore", "direction",
                    "recentChangePct", "popularityInterval", "momentumPctInterval", "trendScoreInterval",
                    "coverage", "confidence", "stage")) {
                assertEquals(same.get(figure), item.get(figure), item.get("technology") + " " + figure);
            }
        }
    }

    /**
     * Languages in 2024: the realised change ln(U_2024 / U_2021) from the survey file, each momentum from the ranking
     * published for 2024-Q2 (v4, and v3 for the one-year baseline), the survey's last known change ln(U_2023 / U_2020),
     * and the test's own rank correlation.
     */
    @Test
    void languages2024MomentumIsRecomputedFromTheFileAndThePublishedRankings() {
        JsonPath validation = given().get("/api/v1/methodology/validation?method=v4").then().statusCode(200)
                .body("method", equalTo("v4")).extract().jsonPath();
        Map<String, Object> result = validation.getMap(
                "momentumResults.find { it.edition == 2024 && it.category == 'languages' }");
        assertEquals("2024-Q2", result.get("asOf"));

        Set<String> broken = new HashSet<>();
        for (Map<String, String> row : BundledCatalogue.rows("series_breaks.csv")) {
            broken.add(row.get("slug") + "@" + row.get("edition"));
        }
        Map<String, Double> realised = change("languages", 2024, broken);
        Map<String, Double> lastKnown = change("languages", 2023, broken);
        assertEquals(realised.size(), ((Number) result.get("technologies")).intValue());
        assertTrue(realised.size() >= Validation.MIN_MOMENTUM_TECHNOLOGIES);

        Map<String, Double> v4 = momenta("v4");
        Map<String, Double> v3 = momenta("v3");
        assertAgreement(result, "momentum", realised, v4);
        assertAgreement(result, "surveyBaseline", realised, lastKnown);
        assertAgreement(result, "oneYearBaseline", realised, v3);
    }

    @SuppressWarnings("unchecked")
    private static void assertAgreement(Map<String, Object> result, String name, Map<String, Double> realised,
                                        Map<String, Double> predicted) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        realised.forEach((slug, change) -> {
            if (predicted.get(slug) != null) {
                x.add(predicted.get(slug));
                y.add(change);
            }
        });
        Map<String, Object> agreement = (Map<String, Object>) result.get(name);
        assertEquals(x.size(), ((Number) agreement.get("pairs")).intValue(), name);
        assertEquals(ValidationApiTest.rho(x, y), number(agreement.get("rho")), 1e-9, name);
        double xMedian = median(x);
        double yMedian = median(y);
        int right = 0;
        for (int i = 0; i < x.size(); i++) {
            right += (x.get(i) >= xMedian) == (y.get(i) >= yMedian) ? 1 : 0;
        }
        assertEquals((double) right / x.size(), number(agreement.get("rightSide")), 1e-9, name);
    }

    /** ln(U_year / U_year−3) from the survey file, where both exist and no edition after the first breaks the series. */
    private static Map<String, Double> change(String category, int year, Set<String> broken) {
        Map<String, Double> to = ValidationApiTest.usage(category, year);
        Map<String, Double> from = ValidationApiTest.usage(category, year - Validation.CHANGE_YEARS);
        Map<String, Double> changes = new HashMap<>();
        to.forEach((slug, value) -> {
            boolean breaks = false;
            for (int edition = year - Validation.CHANGE_YEARS + 1; edition <= year; edition++) {
                breaks |= broken.contains(slug + "@" + edition);
            }
            if (from.containsKey(slug) && from.get(slug) > 0 && value > 0 && !breaks) {
                changes.put(slug, Math.log(value / from.get(slug)));
            }
        });
        return changes;
    }

    private static Map<String, Double> momenta(String method) {
        Map<String, Double> momenta = new HashMap<>();
        given().get("/api/v1/rankings?category=languages&asOf=2024-Q2&method=" + method).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").forEach(item -> momenta.put(
                        (String) item.get("technology"),
                        item.get("momentum") == null ? null : number(item.get("momentum"))));
        return momenta;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
