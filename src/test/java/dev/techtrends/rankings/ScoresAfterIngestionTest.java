package dev.techtrends.rankings;

import static dev.techtrends.rankings.ExpectedScores.ARCHITECTURE;
import static dev.techtrends.rankings.ExpectedScores.TOPIC;
import static dev.techtrends.rankings.RankingsTest.assertClose;
import static dev.techtrends.rankings.RankingsTest.assertTrendRanking;
import static dev.techtrends.rankings.RankingsTest.get;
import static dev.techtrends.rankings.RankingsTest.items;
import static dev.techtrends.rankings.RankingsTest.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.signals.ExactNumbers;
import dev.techtrends.signals.FreshDatabaseProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An upload recomputes the stored scores of the technology's category before it is answered. Runs on a database of
 * its own (the profile restarts Quarkus, whose test profile cleans the database at start), since it writes.
 * Everything asserted here is in the architecture category up to the newest topic quarter, which no other test
 * of this profile writes to.
 */
@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
class ScoresAfterIngestionTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    @Test
    void anUploadOfTopicDevelopersRecomputesTheScoresOfItsCategory() {
        ExpectedScores bundled = ExpectedScores.bundled();
        int latest = bundled.newestQuarter(TOPIC);
        String quarter = ExpectedScores.quarter(latest);
        String score = "/api/v1/technologies/serverless/score?method=v1&asOf=" + quarter;
        String ranking = "/api/v1/rankings?method=v1&category=architecture&asOf=" + quarter;

        JsonPath before = get(score);
        double bundledShare = bundled.share(TOPIC, "serverless", latest);
        assertEquals(bundledShare, before.getDouble("signals.find { it.signal == 'github_topic_developers' }.rawShare"),
                1e-15);
        assertTrendRanking(get(ranking), bundled.category(ARCHITECTURE, latest));

        double uploaded = 0.01;
        given().header("X-API-Key", "test-admin-key").contentType("text/csv")
                .body("signal,technology,period,value,raw\n"
                        + "github_topic_developers,serverless," + quarter + "," + uploaded + ",12000\n")
                .post("/api/v1/ingestions")
                .then().statusCode(201)
                .body("rows", equalTo(1))
                .body("updated", equalTo(1));

        ExpectedScores changed = bundled.withShare(TOPIC, "serverless", latest, uploaded);
        ExpectedScores.Component component = changed.component(TOPIC, "serverless", latest);
        Map<String, ExpectedScores.Expected> expected = changed.category(ARCHITECTURE, latest);

        JsonPath after = get(score);
        Map<String, Object> topic = after.getMap("signals.find { it.signal == 'github_topic_developers' }");
        assertEquals(uploaded, number(topic.get("rawShare")).doubleValue(), 1e-15);
        assertEquals(quarter, topic.get("latestPeriod"));
        assertEquals(component.level(), number(topic.get("level")).doubleValue(), 1e-12);
        assertClose(component.growth(), topic.get("growth"), "growth");
        assertClose(expected.get("serverless").normalisedLevels().get(TOPIC), topic.get("normalisedLevel"), "N");
        assertClose(expected.get("serverless").trendScore(), after.get("trendScore"), "trendScore");
        assertNotEquals(before.getDouble("trendScore"), after.getDouble("trendScore"));

        // The new level lifts serverless above microservices: the stored ranking says so, with its rank change.
        JsonPath rankingAfter = get(ranking);
        List<String> orderBefore = ExpectedScores.order(bundled.category(ARCHITECTURE, latest),
                ExpectedScores.Expected::trendScore);
        List<String> orderAfter = ExpectedScores.order(expected, ExpectedScores.Expected::trendScore);
        assertTrue(orderBefore.indexOf("serverless") > orderBefore.indexOf("microservices"), orderBefore::toString);
        assertTrue(orderAfter.indexOf("serverless") < orderAfter.indexOf("microservices"), orderAfter::toString);
        assertTrendRanking(rankingAfter, expected);
        Map<String, ExpectedScores.Expected> previousQuarter = bundled.category(ARCHITECTURE, latest - 1);
        List<String> previousOrder = ExpectedScores.order(previousQuarter, ExpectedScores.Expected::trendScore);
        for (Map<String, Object> item : items(rankingAfter)) {
            String slug = (String) item.get("technology");
            Integer rank = (Integer) item.get("rank");
            Integer change = rank == null || previousQuarter.get(slug).trendScore() == null ? null
                    : previousOrder.indexOf(slug) + 1 - rank;
            assertEquals(change, item.get("rankChange"), slug + " rank change");
        }
        assertEquals(after.getDouble("trendScore") - get("/api/v1/technologies/serverless/score?method=v1&asOf="
                + ExpectedScores.quarter(latest - 1)).getDouble("trendScore"),
                after.getDouble("sincePreviousQuarter.trendScoreDelta"), 1e-9);

        // Later quarters carry the new level forward, the default asOf included.
        JsonPath current = get("/api/v1/technologies/serverless/score?method=v1");
        Map<String, Object> carried = current.getMap("signals.find { it.signal == 'github_topic_developers' }");
        assertEquals(quarter, carried.get("latestPeriod"));
        assertEquals(uploaded, number(carried.get("rawShare")).doubleValue(), 1e-15);
        assertEquals(component.level(), number(carried.get("level")).doubleValue(), 1e-12);
        Map<String, Object> point = get("/api/v1/technologies/serverless/history?method=v1")
                .getMap("items.find { it.quarter == '" + quarter + "' }");
        assertEquals(after.getDouble("trendScore"), number(point.get("trendScore")).doubleValue(), 0.0);
    }
}
