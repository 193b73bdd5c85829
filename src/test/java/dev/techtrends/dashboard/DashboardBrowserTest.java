package dev.techtrends.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.emulation.Emulation;
import org.openqa.selenium.devtools.v156.emulation.model.MediaFeature;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.runtime.Runtime;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's Chromium, driven through its chromedriver by Selenium with the devtools module of the same
 * version (Selenium over Playwright: it runs inside this JUnit suite against the @QuarkusTest service, so every figure
 * on a page is checked against the JSON API in the same test, with no second toolchain but axe-core's one file).
 * Every page fails the test on a console error, a failed request, or a serious or critical axe-core violation, in the
 * light and the dark theme (there, of the colour rules); each leaves a screenshot in target/screenshots (the overview
 * in both themes).
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static ChromeDriver browser;
    static DevTools devTools;
    static String axe;
    static final List<String> problems = new CopyOnWriteArrayList<>();
    static final Map<String, String> urls = new ConcurrentHashMap<>();

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startChromium() throws IOException {
        assertTrue(Files.exists(AXE), "The browser tests need axe-core: npm ci --prefix src/test/browser "
                + "(bash .ci/test runs it)");
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        browser = Chromium.start();
        devTools = browser.getDevTools();
        devTools.createSession();
        devTools.send(Log.enable());
        devTools.send(Runtime.enable());
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        devTools.addListener(Log.entryAdded(), entry -> {
            if (entry.getLevel().toString().equals("error")) {
                problems.add("console: " + entry.getText() + " " + entry.getUrl().orElse(""));
            }
        });
        devTools.addListener(Runtime.consoleAPICalled(), call -> {
            if (call.getType().toString().equals("error")) {
                problems.add("console.error: " + call.getArgs());
            }
        });
        devTools.addListener(Runtime.exceptionThrown(), thrown ->
                problems.add("exception: " + thrown.getExceptionDetails().getText()));
        devTools.addListener(Network.requestWillBeSent(), sent ->
                urls.put(sent.getRequestId().toString(), sent.getRequest().getUrl()));
        devTools.addListener(Network.responseReceived(), received -> {
            if (received.getResponse().getStatus() >= 400) {
                problems.add("HTTP " + received.getResponse().getStatus() + " " + received.getResponse().getUrl());
            }
        });
        devTools.addListener(Network.loadingFailed(), failed -> {
            if (!failed.getCanceled().orElse(false)) {
                problems.add("failed: " + urls.get(failed.getRequestId().toString()) + " " + failed.getErrorText());
            }
        });
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    @AfterEach
    void noProblemSoFar() {
        List<String> seen = List.copyOf(problems);
        problems.clear();
        assertEquals(List.of(), seen, "console errors or failed requests");
    }

    @Test
    void everyPageLoadsCleanlyAndPassesAxeInBothThemes() throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("category", "/categories/frameworks");
        pages.put("category-v4", "/categories/languages?method=v4");
        pages.put("technology", "/technologies/fastapi");
        pages.put("technology-v4", "/technologies/javascript?method=v4");
        pages.put("compare", "/compare?technologies=python,java,go");
        pages.put("methodology", "/methodology");
        pages.put("discover", "/discover?source=github_topic_developers");
        pages.put("sources", "/sources");
        pages.put("not-found", "/technologies/fortran");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (String theme : List.of("light", "dark")) {
                devTools.send(Emulation.setEmulatedMedia(Optional.empty(),
                        Optional.of(List.of(new MediaFeature("prefers-color-scheme", theme)))));
                open(page.getValue());
                if (page.getKey().equals("not-found")) {
                    // The page's own 404 is the point; anything else failing is not.
                    problems.removeIf(problem -> problem.contains("/technologies/fortran")
                            || problem.contains("404 (Not Found)"));
                } else {
                    assertChartsDrawn(page.getValue());
                }
                assertEquals(List.of(), axeViolations(theme.equals("dark")), page.getValue() + " (" + theme + ")");
                if (theme.equals("light") || page.getKey().equals("overview")) { // a full-page capture takes a second
                    screenshot(page.getKey() + (theme.equals("dark") ? "-dark" : ""));
                }
                noProblemSoFar();
            }
        }
        devTools.send(Emulation.setEmulatedMedia(Optional.empty(), Optional.empty()));
    }

    @Test
    void aReaderSwitchesCategoryAndQuarterChangesWeightsAndOpensATechnology() {
        open("/categories/frameworks");
        browser.findElement(By.linkText("Databases")).click();
        waitFor("/categories/databases");
        new Select(browser.findElement(By.id("asOf"))).selectByValue("2024-Q2");
        waitFor("asOf=2024-Q2");
        assertRankingEqualsApi("databases", "asOf=2024-Q2&preset=balanced");

        WebElement weights = browser.findElement(By.id("weights"));
        weights.sendKeys("developer_usage:1,search_interest:0.5");
        browser.findElement(By.cssSelector("form.controls button[type=submit]")).click();
        waitFor("weights=developer_usage");
        assertEquals("", new Select(browser.findElement(By.id("preset"))).getFirstSelectedOption()
                .getAttribute("value"), "custom weights select no preset");
        assertRankingEqualsApi("databases", "asOf=2024-Q2&weights=developer_usage:1,search_interest:0.5");

        browser.findElement(By.cssSelector("#ranking tbody tr:first-child th a")).click();
        waitFor("/technologies/");
        String slug = browser.getCurrentUrl().replaceAll(".*/technologies/([^?]+).*", "$1");
        JsonPath score = given().get("/api/v1/technologies/" + slug
                + "/score?asOf=2024-Q2&weights=developer_usage:1,search_interest:0.5").then().statusCode(200)
                .extract().jsonPath().using(DashboardTest.EXACT);
        assertEquals(Formats.fixed(score.getObject("trendScore", Double.class)),
                browser.findElement(By.cssSelector(".scorecard [data-field=trendScore]")).getText());
        assertEquals(Formats.fixed(score.getObject("popularity", Double.class)),
                browser.findElement(By.cssSelector(".scorecard [data-field=popularity]")).getText());
        assertEquals(String.valueOf(score.getObject("rank", Integer.class)),
                browser.findElement(By.cssSelector(".scorecard [data-field=rank]")).getText());
        assertChartsDrawn(browser.getCurrentUrl());
    }

    @Test
    void aReaderComparesThree() {
        open("/compare");
        for (String slug : List.of("python", "java", "go")) {
            browser.findElement(By.cssSelector(".picker input[value='" + slug + "']")).click();
        }
        new Select(browser.findElement(By.id("metric"))).selectByValue("popularity");
        browser.findElement(By.cssSelector("form.controls button[type=submit]")).click();
        waitFor("technologies=");
        assertChartsDrawn(browser.getCurrentUrl());
        JsonPath compared = given().get("/api/v1/compare?technologies=python,java,go").then().statusCode(200)
                .extract().jsonPath().using(DashboardTest.EXACT);
        for (String slug : List.of("python", "java", "go")) {
            List<Double> popularity = compared.getList("technologies.find { it.technology == '" + slug
                    + "' }.popularity", Double.class);
            assertEquals(Formats.fixed(popularity.get(popularity.size() - 1)), browser.findElement(By.cssSelector(
                    "table.compared tr[data-technology=" + slug + "] [data-field=popularity]")).getText(), slug);
        }
        List<WebElement> boxes = browser.findElements(By.cssSelector(".picker input[type=checkbox]"));
        boxes.stream().filter(box -> !box.isSelected()).limit(7).forEach(WebElement::click);
        assertTrue(boxes.stream().filter(box -> !box.isSelected()).allMatch(box -> !box.isEnabled()),
                "at 10 ticked, the others are disabled");
    }

    @Test
    void aReaderCopiesTheBadgeMarkdownAndChartsTakeTheNewOptions() throws IOException {
        open("/technologies/rust");
        String origin = base.toString().replaceAll("/$", "");
        assertEquals("[![Rust trend](" + origin + "/api/v1/technologies/rust/badge.svg)](" + origin
                + "/technologies/rust)", browser.findElement(By.id("badge-markdown")).getAttribute("value"),
                "the Markdown with this site's address");
        WebElement badge = browser.findElement(By.cssSelector("section.badge img"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript("return arguments[0].complete && "
                        + "arguments[0].naturalWidth > 0", badge)));
        assertEquals(List.of(), axeViolations(false), "the technology page with its badge");
        open("/compare?technologies=rust,go,kotlin&metric=popularity&scale=log&align=first-data");
        assertEquals("log", new Select(browser.findElement(By.id("scale"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertChartsDrawn(browser.getCurrentUrl());
        assertEquals(List.of(), axeViolations(false), "the compare page with its axes");
        screenshot("compare-options");
        // each badge and a chart with every new option, drawn by Chromium on their own
        for (String[] image : new String[][] {
                {"badge-trend", "/api/v1/technologies/rust/badge.svg"},
                {"badge-tier", "/api/v1/technologies/rust/badge.svg?metric=tier"},
                {"chart-options", "/api/v1/compare/chart.svg?technologies=rust,go,kotlin&metric=rank&method=v4"
                        + "&scale=log&align=first-data"},
                {"chart-band", "/api/v1/technologies/javascript/chart.svg?method=v4&scale=log"}}) {
            open(image[1]);
            assertTrue(browser.findElements(By.tagName("svg")).size() == 1, image[1] + " is drawn as SVG");
            screenshot(image[0]);
        }
    }

    @Test
    void aReaderFindsHowCurrentEachSourceIs() {
        open("/");
        browser.findElement(By.cssSelector("header nav")).findElement(By.linkText("Sources")).click();
        waitFor("/sources");
        assertEquals("page", browser.findElement(By.cssSelector("header nav a[href='/sources']"))
                .getAttribute("aria-current"));
        assertTrue(browser.findElement(By.cssSelector("table.sources caption")).getText().startsWith("Every signal"));
        JsonPath sources = given().get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> freshness = sources.getList("freshness.flatten()");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.sources tbody tr"));
        assertEquals(freshness.size(), rows.size(), "a row per signal");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> signal = freshness.get(i);
            WebElement row = rows.get(i);
            assertEquals(signal.get("signal"), row.getAttribute("data-signal"));
            assertEquals("row", row.findElement(By.tagName("th")).getAttribute("scope"));
            // the status is words, not a colour
            String status = row.findElement(By.cssSelector("[data-field=status]")).getText();
            String expected = Boolean.TRUE.equals(signal.get("overdue")) ? "Overdue"
                    : signal.get("expectedNextUpdate") == null ? "No data held yet" : "On time";
            assertTrue(status.startsWith(expected), signal.get("signal") + ": " + status);
        }
        assertEquals(List.of(), axeViolations(false), "/sources");
        noProblemSoFar();
    }

    private void assertRankingEqualsApi(String category, String query) {
        JsonPath ranking = given().get("/api/v1/rankings?category=" + category + "&" + query).then().statusCode(200)
                .extract().jsonPath().using(DashboardTest.EXACT);
        // the first 15 in view, the rest folded: unfold them to read them
        browser.findElements(By.cssSelector("details.more:not([open]) summary")).forEach(WebElement::click);
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tbody tr, #ranking-more tbody tr"));
        assertEquals(15, browser.findElements(By.cssSelector("#ranking tbody tr")).size(), "the top 15 in view");
        assertEquals(ranking.getList("items").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            String item = "items[" + i + "].";
            assertEquals(ranking.getString(item + "technology"), row.getAttribute("data-technology"));
            assertEquals(Formats.fixed(ranking.getObject(item + "trendScore", Double.class)),
                    row.findElement(By.cssSelector("[data-field=trendScore]")).getText(), query + " row " + i);
            assertEquals(Formats.fixed(ranking.getObject(item + "popularity", Double.class)),
                    row.findElement(By.cssSelector("[data-field=popularity]")).getText());
            assertEquals(Formats.signed(ranking.getObject(item + "momentumPct", Double.class)),
                    row.findElement(By.cssSelector("[data-field=momentumPct]")).getText());
        }
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> ((JavascriptExecutor) driver)
                .executeScript("return document.readyState").equals("complete"));
    }

    private void waitFor(String urlPart) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().contains(urlPart)
                && ((JavascriptExecutor) driver).executeScript("return document.readyState").equals("complete"));
    }

    /** Every chart image loaded and decoded: a broken SVG has no natural width. */
    private void assertChartsDrawn(String where) {
        List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart img"));
        assertTrue(!charts.isEmpty() || where.contains("methodology") || where.contains("discover")
                || where.contains("sources"),
                "charts on " + where);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> charts.stream().allMatch(chart ->
                Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", chart))));
    }

    @SuppressWarnings("unchecked")
    /**
     * Serious and critical violations on the page; {@code coloursOnly}: of the rules that read colours, for a second
     * theme of a page checked in full already (a theme changes colours, not the document).
     */
    private List<String> axeViolations(boolean coloursOnly) {
        ((JavascriptExecutor) browser).executeScript(axe);
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const options = {resultTypes: ['violations']};
                if (arguments[0]) options.runOnly = {type: 'rule', values: ['color-contrast', 'link-in-text-block']};
                axe.run(document, options).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """, coloursOnly);
        return (List<String>) result;
    }

    private void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 4000)));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
