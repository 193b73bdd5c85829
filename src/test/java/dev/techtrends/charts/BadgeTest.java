package dev.techtrends.charts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The README badge on the bundled data: one figure of /score, well-formed, attributed, cached, strict about input. */
@QuarkusTest
class BadgeTest {

    /** A chart's checks (well-formed, titled, described, nothing run or loaded), then a badge's own. */
    static Document badge(String path) {
        Document document = ChartTest.svg(path);
        Element root = document.getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        String title = document.getElementsByTagNameNS("*", "title").item(0).getTextContent();
        assertEquals(title, root.getAttribute("aria-label"), "the title is the accessible name");
        String metadata = document.getElementsByTagNameNS("*", "metadata").item(0).getTextContent();
        assertTrue(metadata.startsWith("Sources: ") && metadata.matches(".*\\((CC|ODbL)[^)]*, https://[^)]+\\).*"),
                "each source with its licence: " + metadata);
        assertEquals(2, document.getElementsByTagNameNS("*", "rect").getLength(), "label and value");
        return document;
    }

    static String title(Document badge) {
        return badge.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }

    static List<String> texts(Document badge) {
        return ChartTest.texts(badge);
    }

    static String valueColour(Document badge) {
        return ((Element) badge.getElementsByTagNameNS("*", "rect").item(1)).getAttribute("fill");
    }

    @Test
    void eachMetricShowsTheFigureOfTheScore() {
        JsonPath score = given().get("/api/v1/technologies/rust/score").then().statusCode(200).extract().jsonPath();
        String where = " (languages, " + score.getString("asOf") + ", method " + score.getString("method") + ")";

        Document trend = badge("/api/v1/technologies/rust/badge.svg");
        String metadata = trend.getElementsByTagNameNS("*", "metadata").item(0).getTextContent();
        assertTrue(metadata.contains("Stack Overflow Developer Survey") && metadata.contains("(ODbL 1.0"),
                "the survey's ODbL attribution: " + metadata);
        String trendScore = String.format(Locale.ROOT, "%.1f", score.getDouble("trendScore"));
        assertEquals(List.of("Rust trend", trendScore), texts(trend));
        assertEquals("Rust: trend score " + trendScore + where, title(trend));
        assertEquals(switch (score.getString("direction")) {
            case "rising" -> Badge.RISING;
            case "fading" -> Badge.FADING;
            default -> Badge.STEADY;
        }, valueColour(trend), "coloured by direction");
        assertEquals(texts(trend), texts(badge("/api/v1/technologies/rust/badge.svg?metric=trend")));

        Document rank = badge("/api/v1/technologies/rust/badge.svg?metric=rank");
        assertEquals(List.of("Rust rank", "#" + score.getInt("rank")), texts(rank));

        Document momentum = badge("/api/v1/technologies/rust/badge.svg?metric=momentum");
        assertEquals(String.format(Locale.ROOT, "%+.1f %%/yr", score.getDouble("momentumPct")), texts(momentum).get(1));

        JsonPath v4 = given().get("/api/v1/technologies/rust/score?method=v4").then().statusCode(200)
                .extract().jsonPath();
        Document tier = badge("/api/v1/technologies/rust/badge.svg?metric=tier");
        assertEquals(List.of("Rust tier", "tier " + v4.getInt("tier")), texts(tier), "tier takes v4 by default");
        assertEquals(Badge.tierColour(v4.getInt("tier")), valueColour(tier));
        assertTrue(title(tier).contains("method v4") && title(tier).contains("could rank "
                + v4.getInt("rankRange.best") + " to " + v4.getInt("rankRange.worst")), title(tier));

        Document rankV4 = badge("/api/v1/technologies/rust/badge.svg?metric=rank&method=v4");
        int best = v4.getInt("rankRange.best");
        int worst = v4.getInt("rankRange.worst");
        assertEquals("#" + v4.getInt("rank") + (best == worst ? "" : " (" + best + "–" + worst + ")"),
                texts(rankV4).get(1), "v4: the ranks it could hold");
        assertTrue(title(badge("/api/v1/technologies/rust/badge.svg?method=v4")).contains("90 % interval"));

        Document asOf = badge("/api/v1/technologies/rust/badge.svg?asOf=2023-Q2&preset=developers");
        JsonPath then = given().get("/api/v1/technologies/rust/score?asOf=2023-Q2&preset=developers").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(String.format(Locale.ROOT, "%.1f", then.getDouble("trendScore")), texts(asOf).get(1));
        assertTrue(title(asOf).contains("2023-Q2"), title(asOf));
    }

    @Test
    void theWidthFollowsTheText() {
        Element shortName = badge("/api/v1/technologies/go/badge.svg").getDocumentElement();
        Element longName = badge("/api/v1/technologies/typescript/badge.svg").getDocumentElement();
        assertTrue(Integer.parseInt(longName.getAttribute("width")) > Integer.parseInt(shortName.getAttribute("width")));
        assertEquals("20", shortName.getAttribute("height"));
    }

    @Test
    void badgesAreEmbeddableAndRevalidatedLikeEveryRead() {
        String etag = given().get("/api/v1/technologies/rust/badge.svg?metric=rank").then().statusCode(200)
                .header("Content-Security-Policy", "default-src 'none'") // embeddable anywhere, like the charts
                .header("X-Frame-Options", Matchers.nullValue())
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/technologies/rust/badge.svg?metric=rank").then()
                .statusCode(304);
    }

    @Test
    void badInputIsAProblem() {
        given().get("/api/v1/technologies/fortran/badge.svg").then().statusCode(404)
                .contentType("application/problem+json");
        for (String[] bad : new String[][] {
                {"metric=hype", "metric"},
                {"metric=Trend", "metric"},
                {"metric=tier&method=v3", "method"},
                {"method=v9", "method"},
                {"asOf=yesterday", "asOf"},
                {"width=100", "width"}}) {
            given().get("/api/v1/technologies/rust/badge.svg?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
    }
}
