package dev.techtrends.charts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.BundledCatalogue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG charts on the bundled data: valid, self-contained, attributed, small, cached, and strict about input. */
@QuarkusTest
class ChartTest {

    static final List<String> TEN = List.of("python", "javascript", "typescript", "java", "csharp", "go", "rust",
            "php", "kotlin", "ruby");

    /** Parses the chart as XML (no DTD, no external entity) and checks what every chart must have. */
    static Document svg(String path) {
        Response response = given().get(path);
        response.then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .header("ETag", Matchers.notNullValue());
        String body = response.asString();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(path + " is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("1.1", root.getAttribute("version"));
        assertFalse(document.getElementsByTagNameNS("*", "title").item(0).getTextContent().isBlank());
        assertFalse(document.getElementsByTagNameNS("*", "desc").item(0).getTextContent().isBlank());
        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength(), "no script");
        assertFalse(body.contains("href") || body.contains("url(") || body.contains("@import")
                || body.contains("<image"), "no external reference");
        assertTrue(body.contains("Sources: "), "the attribution is inside the image");
        return document;
    }

    static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void aTechnologyChartHasAxesQuarterLabelsALegendAndItsSources() {
        Document trend = svg("/api/v1/technologies/quarkus/chart.svg");
        List<String> texts = texts(trend);
        assertTrue(texts.contains("Quarkus"), "legend: " + texts);
        assertTrue(texts.stream().anyMatch(text -> text.matches("\\d{4}-Q\\d")), "quarter labels: " + texts);
        String footer = String.join(" ", texts.subList(texts.indexOf(texts.stream()
                .filter(text -> text.startsWith("Sources: ")).findFirst().orElseThrow()), texts.size()));
        assertTrue(footer.contains("Stack Overflow Developer Survey") && footer.contains("(ODbL 1.0)"),
                "ODbL attribution, wrapped to the width: " + footer);

        List<String> signals = texts(svg("/api/v1/technologies/python/chart.svg?metric=signals&from=2022-Q1&theme=dark"));
        assertTrue(signals.containsAll(List.of("developer_usage", "github_topic_developers", "search_interest")),
                signals.toString());
        assertTrue(signals.contains("2022-Q1"), "starts at from: " + signals);
    }

    @Test
    void tenTechnologiesOverTheFullHistoryStayUnder30kB() {
        Response response = given().get("/api/v1/compare/chart.svg?technologies=" + String.join(",", TEN)
                + "&metric=popularity&width=1200&height=600");
        response.then().statusCode(200);
        svg("/api/v1/compare/chart.svg?technologies=" + String.join(",", TEN) + "&metric=popularity&width=1200&height=600");
        assertTrue(response.asByteArray().length <= 30_000, response.asByteArray().length + " bytes");
        assertEquals(10, texts(svg("/api/v1/compare/chart.svg?technologies=" + String.join(",", TEN)))
                .stream().filter(TEN_NAMES::contains).count(), "one legend entry per technology");
    }

    static final List<String> TEN_NAMES = List.of("Python", "JavaScript", "TypeScript", "Java", "C#", "Go", "Rust",
            "PHP", "Kotlin", "Ruby");

    @Test
    void aRankingChartHasABarPerTechnologyInRankOrder() {
        List<String> ranked = given().get("/api/v1/rankings?category=frameworks&sort=popularity").then()
                .statusCode(200).extract().jsonPath().getList("items.name", String.class);
        Document chart = svg("/api/v1/rankings/chart.svg?category=frameworks&sort=popularity");
        List<String> texts = texts(chart);
        int express = texts.indexOf("Express");
        int aspnet = texts.indexOf("ASP.NET Core");
        int quarkus = texts.indexOf("Quarkus");
        assertTrue(express >= 0 && express < aspnet && aspnet < quarkus, texts.toString());
        assertEquals(ranked.size(), chart.getElementsByTagNameNS("*", "rect").getLength() - 1,
                "a bar per framework and the background");
        assertEquals(BundledCatalogue.count("frameworks"), ranked.size());

        Document top = svg("/api/v1/rankings/chart.svg?category=frameworks&sort=popularity&limit=15");
        assertEquals(15, top.getElementsByTagNameNS("*", "rect").getLength() - 1, "the first 15 and the background");
        assertEquals(ranked.subList(0, 15), texts(top).stream().filter(ranked::contains).toList());
    }

    @Test
    void chartsAreRevalidatedLikeEveryRead() {
        String etag = given().get("/api/v1/rankings/chart.svg?category=databases").then().statusCode(200)
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/rankings/chart.svg?category=databases").then()
                .statusCode(304);
    }

    @Test
    void badParametersAreProblems() {
        for (String[] bad : new String[][] {
                {"/api/v1/technologies/go/chart.svg?metric=hype", "metric"},
                {"/api/v1/technologies/go/chart.svg?width=10", "width"},
                {"/api/v1/technologies/go/chart.svg?theme=pink", "theme"},
                {"/api/v1/technologies/go/chart.svg?from=yesterday", "from"},
                {"/api/v1/compare/chart.svg", "technologies"},
                {"/api/v1/compare/chart.svg?technologies=go&metric=signals", "metric"},
                {"/api/v1/compare/chart.svg?technologies=" + String.join(",", TEN) + ",nodejs", "technologies"},
                {"/api/v1/rankings/chart.svg?sort=hype", "sort"}}) {
            given().get(bad[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
        given().get("/api/v1/technologies/fortran/chart.svg").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theWhyChartDrawsEachSignalsPartOfTheYearsChange() {
        JsonPath score = given().get("/api/v1/technologies/python/score").then()
                .statusCode(200).extract().jsonPath();
        List<String> signals = score.getList("sinceYearAgo.whyItMoved.signal");
        Document chart = svg("/api/v1/technologies/python/why.svg");
        List<String> texts = texts(chart);
        assertFalse(signals.isEmpty());
        assertTrue(texts.containsAll(signals), "a bar label per signal: " + texts);
        String description = chart.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertTrue(description.contains(String.format(Locale.ROOT, "%+.1f in all",
                score.getDouble("sinceYearAgo.trendScoreDelta"))), description);
        given().get("/api/v1/technologies/python/why.svg?since=decade").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void compareAndItsChartsTakeTheWeightsOfTheOtherReads() {
        JsonPath compared = given()
                .get("/api/v1/compare?technologies=python,go&preset=developers").then().statusCode(200)
                .extract().jsonPath();
        List<Float> history = given().get("/api/v1/technologies/go/history?preset=developers").then()
                .statusCode(200).extract().jsonPath().getList("items.trendScore", Float.class);
        List<Float> compareGo = compared.getList("technologies.find { it.technology == 'go' }.trendScore", Float.class);
        assertEquals(history.get(history.size() - 1), compareGo.get(compareGo.size() - 1),
                "compare with a preset shows the history with that preset");
        String byDefault = given().get("/api/v1/compare/chart.svg?technologies=python,go").then().statusCode(200)
                .extract().asString();
        String byDevelopers = given().get("/api/v1/compare/chart.svg?technologies=python,go&preset=developers")
                .then().statusCode(200).extract().asString();
        assertFalse(byDefault.equals(byDevelopers), "the preset changes the lines");
    }
    /** The y axis' tick labels: the texts right-aligned at the left of the plot. */
    static List<String> yTicks(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        List<String> ticks = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            if (text.getAttribute("text-anchor").equals("end") && text.getAttribute("x").equals("52")) {
                ticks.add(text.getTextContent());
            }
        }
        return ticks;
    }

    /** The y of the tick labelled so. */
    static double yOfTick(Document document, String label) {
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            if (text.getAttribute("x").equals("52") && text.getTextContent().equals(label)) {
                return Double.parseDouble(text.getAttribute("y"));
            }
        }
        throw new AssertionError("no tick " + label + " in " + yTicks(document));
    }

    @Test
    void aLogScaleHasDecadeTicks() {
        Document log = svg("/api/v1/compare/chart.svg?technologies=python,kotlin&metric=popularity&scale=log");
        List<String> ticks = yTicks(log);
        assertTrue(ticks.size() >= 2 && ticks.stream().allMatch(tick -> tick.matches("[125]0*|0\\.0*[125]")),
                "ticks of 1, 2 and 5 times a power of ten: " + ticks);
        assertTrue(ticks.contains("10") && ticks.contains("100"), ticks.toString());
        assertTrue(yOfTick(log, "100") - yOfTick(log, "10") == yOfTick(log, "10") - yOfTick(log, "1")
                || !ticks.contains("1"), "decades equally apart");
        assertTrue(texts(log).stream().anyMatch(text -> text.endsWith("log scale")), "the axis says so");
        assertTrue(texts(svg("/api/v1/rankings/chart.svg?category=languages&sort=popularity&scale=log")).stream()
                .anyMatch(text -> text.endsWith("log scale")));
        svg("/api/v1/technologies/go/chart.svg?metric=signals&scale=log"); // levels of 0 leave gaps, not errors
    }

    @Test
    void aRankChartHasRankOneOnTop() {
        List<Integer> ranks = given().get("/api/v1/technologies/kotlin/history").then().statusCode(200).extract()
                .jsonPath().getList("items.rank", Integer.class);
        Document rank = svg("/api/v1/technologies/kotlin/chart.svg?metric=rank");
        List<String> ticks = yTicks(rank);
        assertEquals("1", ticks.get(0), "the first tick is rank 1: " + ticks);
        assertTrue(yOfTick(rank, ticks.get(0)) < yOfTick(rank, ticks.get(ticks.size() - 1)), "rank 1 is at the top");
        assertTrue(texts(rank).contains("rank in its category (1 = top)"));
        String description = rank.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertTrue(description.endsWith("Kotlin ends at " + ranks.get(ranks.size() - 1) + ".0."), description);
        svg("/api/v1/compare/chart.svg?technologies=python,kotlin&metric=rank&scale=log");
    }

    @Test
    void firstDataAlignmentStartsEveryLineAtZero() {
        Document aligned = svg("/api/v1/compare/chart.svg?technologies=python,kotlin&align=first-data");
        List<String> texts = texts(aligned);
        assertTrue(texts.contains("+0 q") && texts.stream().noneMatch(text -> text.matches("\\d{4}-Q\\d")),
                "quarters since the first data, no calendar quarters: " + texts);
        List<Element> lines = elements(aligned, "polyline");
        assertEquals(2, lines.stream().filter(line -> line.getAttribute("points").startsWith("56.0,")).count(),
                "both lines start at the left edge");
        assertTrue(texts.get(0).endsWith("from each one's first data"), texts.get(0));
    }

    @Test
    void methodV4DrawsTheIntervalAsABand() {
        Document v4 = svg("/api/v1/technologies/javascript/chart.svg?method=v4");
        assertFalse(elements(v4, "polygon").isEmpty(), "a band with v4");
        assertTrue(elements(v4, "polygon").stream().allMatch(band -> band.getAttribute("class").equals("band")));
        assertTrue(elements(svg("/api/v1/technologies/javascript/chart.svg?method=v3"), "polygon").isEmpty(),
                "no interval, no band");
        assertFalse(elements(svg("/api/v1/compare/chart.svg?technologies=python,go&metric=rank&method=v4"), "polygon")
                .isEmpty(), "the ranks each could hold");
        assertTrue(elements(svg("/api/v1/technologies/javascript/chart.svg?method=v4&metric=signals"), "polygon")
                .isEmpty(), "signals have no interval");
    }

    @Test
    void badChartOptionsAreProblems() {
        for (String[] bad : new String[][] {
                {"/api/v1/technologies/go/chart.svg?scale=cubic", "scale"},
                {"/api/v1/technologies/go/chart.svg?metric=momentum&scale=log", "scale"},
                {"/api/v1/technologies/go/chart.svg?align=birth", "align"},
                {"/api/v1/compare/chart.svg?technologies=go&metric=momentum&scale=log", "scale"},
                {"/api/v1/rankings/chart.svg?sort=momentum&scale=log", "scale"},
                {"/api/v1/rankings/chart.svg?align=first-data", "align"},
                {"/api/v1/technologies/go/why.svg?scale=log", "scale"}}) {
            given().get(bad[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
    }

    static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
