package dev.techtrends.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard over HTTP: pages, their state in the URL, caching, errors for readers and for API clients. */
@QuarkusTest
class DashboardTest {

    /** JSON numbers as doubles, as the pages print them (REST Assured reads floats by default). */
    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final List<String> PAGES = List.of("/", "/categories/frameworks", "/technologies/nestjs?asOf=2024-Q2&preset=jobs",
            "/compare?technologies=python,java,go", "/methodology", "/sources");

    static String page(String path) {
        return given().accept(BROWSER).get(path).then().statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("ETag", notNullValue())
                .extract().asString();
    }

    @Test
    void everyPageIsServedWithItsOwnAssetsOnly() {
        for (String path : PAGES) {
            String html = page(path);
            for (String reference : attributes(html, "(?:src|srcset)")) {
                assertTrue(reference.startsWith("/"), path + " loads " + reference + " from elsewhere");
            }
            for (String stylesheet : attributes(html, "href").stream().filter(href -> href.endsWith(".css")).toList()) {
                assertTrue(stylesheet.startsWith("/assets/"), stylesheet);
            }
        }
        given().get("/assets/dashboard.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().get("/assets/dashboard.js").then().statusCode(200);
    }

    @Test
    void everyPageNamesTheFeedThatFollowsItAndLinksToIt() {
        Map<String, String> feeds = Map.of("/", "/feeds/movers.atom",
                "/categories/languages", "/feeds/movers.atom?category=languages",
                "/technologies/rust", "/feeds/technologies/rust.atom", "/discover", "/feeds/discover.atom");
        feeds.forEach((path, feed) -> {
            String html = page(path);
            String escaped = feed.replace("&", "&amp;");
            assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                    && html.contains("href=\"" + escaped + "\">"), path + " announces " + feed);
            assertTrue(html.contains("<a href=\"" + escaped + "\" type=\"application/atom+xml\">Follow: "),
                    path + " shows a link to " + feed);
            given().get(feed).then().statusCode(200).contentType(startsWith("application/atom+xml"));
        });
    }

    @Test
    void aPageAndItsChartsWeighUnder200kB() {
        for (String path : PAGES) {
            String html = page(path);
            long total = html.getBytes(StandardCharsets.UTF_8).length;
            List<String> loaded = new ArrayList<>(attributes(html, "src"));
            loaded.add("/assets/dashboard.css");
            for (String reference : loaded) {
                total += given().get(reference.replace("&amp;", "&")).then().statusCode(200).extract()
                        .asByteArray().length;
            }
            assertTrue(total <= 200_000, path + " weighs " + total + " bytes with its charts");
        }
    }

    @Test
    void theCategoryPageShowsTheRankingOfTheJsonApi() {
        String html = page("/categories/frameworks?sort=momentum&asOf=2024-Q4");
        JsonPath ranking = given().accept("application/json")
                .get("/api/v1/rankings?category=frameworks&sort=momentum&asOf=2024-Q4").then().statusCode(200)
                .extract().jsonPath().using(DashboardTest.EXACT);
        List<String> order = ranking.getList("items.technology");
        List<String> shown = new ArrayList<>();
        Matcher row = Pattern.compile("<tr data-technology=\"([^\"]+)\">").matcher(html);
        while (row.find()) {
            shown.add(row.group(1));
        }
        assertEquals(order, shown, "rows in the API's order");
        for (int i = 0; i < order.size(); i++) {
            Double momentum = ranking.getObject("items[" + i + "].momentumPct", Double.class);
            if (momentum != null) {
                assertTrue(html.contains("data-field=\"momentumPct\" data-value=\"" + momentum + "\">"
                        + Formats.signed(momentum) + "<"), order.get(i) + " " + momentum);
            }
        }
        assertTrue(html.contains("aria-sort=\"descending\"><a href=\"/categories/frameworks?sort=momentum"));
        assertTrue(html.contains("<option value=\"2024-Q4\" selected>"), "the asOf selector shows the quarter");
    }

    @Test
    void linksAndChartsCarryThePagesState() {
        String html = page("/technologies/nestjs?asOf=2024-Q2&preset=jobs");
        assertTrue(html.contains("/api/v1/technologies/nestjs/chart.svg?metric=trend&amp;asOf=2024-Q2&amp;preset=jobs"),
                "the history chart is drawn with the page's state");
        assertTrue(html.contains("href=\"/technologies/nodejs?asOf=2024-Q2&amp;preset=jobs\""),
                "relations keep the state");
        JsonPath score = given().get("/api/v1/technologies/nestjs/score?asOf=2024-Q2&preset=jobs").then()
                .statusCode(200).extract().jsonPath().using(DashboardTest.EXACT);
        Double trend = score.getObject("trendScore", Double.class);
        assertTrue(html.contains("data-field=\"trendScore\" data-value=\"" + Formats.raw(trend) + "\">"
                + Formats.fixed(trend) + "<"), "the score card shows the API's trend score " + trend);
    }

    @Test
    void pagesAreCachedByDataVersion() {
        Response first = given().accept(BROWSER).get("/categories/databases");
        String etag = first.then().statusCode(200).extract().header("ETag");
        given().accept(BROWSER).header("If-None-Match", etag).get("/categories/databases").then().statusCode(304);
        given().accept(BROWSER).header("Accept-Encoding", "gzip").get("/categories/databases").then()
                .statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void unknownSlugsGetAPageForReadersAndAProblemForClients() {
        given().accept(BROWSER).get("/technologies/fortran").then().statusCode(404)
                .contentType("text/html;charset=UTF-8").body(containsString("No technology has the slug"))
                .body(containsString("<h1>404 Not Found</h1>"));
        given().accept("application/json").get("/technologies/fortran").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().accept(BROWSER).get("/categories/fortran").then().statusCode(404).contentType("text/html;charset=UTF-8");
        given().accept(BROWSER).get("/no/such/page").then().statusCode(404).contentType("text/html;charset=UTF-8");
        given().accept("application/json").get("/no/such/page").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept(BROWSER).get("/api/v1/technologies/fortran").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badStateIsExplainedOnAPage() {
        given().accept(BROWSER).get("/categories/frameworks?asOf=yesterday").then().statusCode(400)
                .contentType("text/html;charset=UTF-8").body(containsString("<code>asOf</code>"));
        String eleven = "python,java,go,rust,kotlin,ruby,php,csharp,javascript,typescript,nodejs";
        given().accept(BROWSER).get("/compare?technologies=" + eleven).then().statusCode(400)
                .body(containsString("at most 10"));
        given().accept(BROWSER).get("/compare?metric=hype").then().statusCode(400);
    }

    @Test
    void aClientThatAsksForJsonIsSentToTheApiRead() {
        given().accept("application/json").redirects().follow(false)
                .get("/technologies/nestjs?asOf=2024-Q2&preset=jobs").then().statusCode(303)
                .header("Location", endsWith("/api/v1/technologies/nestjs/score?asOf=2024-Q2&preset=jobs"));
        given().accept("application/json").redirects().follow(false).get("/categories/databases").then()
                .statusCode(303).header("Location", endsWith("/api/v1/rankings?category=databases&sort=trend"));
        given().accept("application/json").redirects().follow(false).get("/compare?technologies=go&technologies=rust")
                .then().statusCode(303).header("Location", endsWith("/api/v1/compare?technologies=go%2Crust"));
        given().accept("application/json").redirects().follow(false).get("/sources").then().statusCode(303)
                .header("Location", endsWith("/api/v1/sources"));
    }

    @Test
    void theCompareFormsTickedBoxesAndASharedLinkShowTheSame() {
        String fromForm = page("/compare?technologies=python&technologies=go&metric=popularity");
        String fromLink = page("/compare?technologies=python,go&metric=popularity");
        assertEquals(fromLink, fromForm);
        assertTrue(fromLink.contains("value=\"python\" checked"));
        assertFalse(fromLink.contains("value=\"rust\" checked"));
        String none = page("/compare");
        assertFalse(none.contains("chart.svg"), "no chart before a choice");
    }

    @Test
    void theComparePassesItsAxesToTheChart() {
        String chosen = page("/compare?technologies=python,go&scale=log&align=first-data");
        assertTrue(chosen.contains("chart.svg?technologies=python,go&amp;metric=trend&amp;scale=log&amp;align=first-data"),
                "the chart takes the axes chosen");
        assertTrue(chosen.contains("value=\"log\" selected") && chosen.contains("value=\"first-data\" selected"));
        assertFalse(page("/compare?technologies=python,go").contains("&amp;scale="), "the defaults keep the plain address");
        given().accept(BROWSER).get("/compare?technologies=go&metric=momentum&scale=log").then().statusCode(400)
                .body(containsString("<code>scale</code>"));
    }

    @Test
    void theMethodologyPageShowsTheMethodsPresetsAndRecord() {
        String html = page("/methodology");
        JsonPath methodology = given().get("/api/v1/methodology").then().extract().jsonPath().using(DashboardTest.EXACT);
        assertTrue(html.contains("Method <strong>" + methodology.getString("version") + "</strong>"));
        JsonPath validation = given().get("/api/v1/methodology/validation").then().extract().jsonPath().using(DashboardTest.EXACT);
        Double frameworks = validation.getObject("summary.find { it.category == 'frameworks' }.popularity", Double.class);
        assertTrue(html.contains(String.format(Locale.ROOT, "%.2f", frameworks)), "validation ρ " + frameworks);
        given().accept(BROWSER).get("/methodology?method=v9").then().statusCode(400);
        assertTrue(page("/methodology?method=v1").contains("Method <strong>v1</strong>"));
    }

    @Test
    void theOverviewShowsEachCategorysLeadersAndTheMovers() {
        String html = page("/");
        JsonPath rising = given().get("/api/v1/movers?direction=rising").then().extract().jsonPath().using(DashboardTest.EXACT);
        String first = rising.getString("items[0].technology");
        assertTrue(html.contains("<table class=\"figures movers\" data-direction=\"rising\">"));
        assertTrue(html.indexOf("data-technology=\"" + first + "\"") > 0, first);
        for (String category : given().get("/api/v1/categories").then().extract().jsonPath().using(DashboardTest.EXACT)
                .getList("items.slug", String.class)) {
            assertTrue(html.contains("data-category=\"" + category + "\""), category);
        }
        assertThat404IsNotCached();
    }

    private static void assertThat404IsNotCached() {
        given().accept(BROWSER).get("/technologies/fortran").then().statusCode(404).header("ETag", not(notNullValue()));
    }

    private static List<String> attributes(String html, String name) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(html);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    /** Under method v4 the category page shows each technology's tier and rank range as the API gives them. */
    @Test
    void aV4CategoryPageShowsTheTiersOfTheApi() {
        String html = page("/categories/languages?method=v4");
        List<Map<String, Object>> items = given().get("/api/v1/rankings?category=languages&method=v4").then()
                .statusCode(200).extract().jsonPath().getList("items");
        int tiered = 0;
        for (Map<String, Object> item : items) {
            Matcher row = Pattern.compile("<tr data-technology=\"" + item.get("technology")
                    + "\"[^>]*>.*?data-field=\"tier\" data-value=\"([0-9]*)\"", Pattern.DOTALL).matcher(html);
            assertTrue(row.find(), item.get("technology") + " has a row with its tier");
            assertEquals(item.get("tier") == null ? "" : String.valueOf(item.get("tier")), row.group(1));
            tiered += item.get("tier") == null ? 0 : 1;
        }
        assertTrue(tiered > 10, "most languages are ranked, so tiered");
        assertTrue(html.contains("class=\"tier-odd\""), "the first tier is shaded");
        // the default method (v3) has no intervals, so no tier column
        assertFalse(page("/categories/languages").contains("data-field=\"tier\""));
    }
}
