package dev.techtrends.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI as a developer uses it, in Debian's Chromium: for every GET of the document, Try it out, then Execute with
 * exactly what Swagger UI pre-fills from the documented examples. Each must answer 2xx, but for the admin reads, which
 * document their 401 and get it without a key.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    static ChromeDriver browser;

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    @BeforeAll
    static void startChromium() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Every GET of the document, by path, and whether it is an admin read (secured, 401 documented). */
    static Map<String, Boolean> getOperations() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Map<String, Boolean> operations = new TreeMap<>();
        paths.forEach((path, methods) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> get = (Map<String, Object>) methods.get("get");
            if (get != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) get.get("responses");
                operations.put(path, get.get("security") != null && responses.containsKey("401"));
            }
        });
        return operations;
    }

    @Test
    void tryItOutExecutesEveryGetWithWhatItPrefills() {
        Map<String, Boolean> operations = getOperations();
        assertTrue(operations.size() >= 20, "the document has its reads: " + operations.keySet());

        browser.get(swaggerUi.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.pollingEvery(Duration.ofMillis(50));
        wait.until(driver -> !driver.findElements(By.cssSelector(".opblock.opblock-get")).isEmpty());
        JavascriptExecutor script = browser;

        List<String> failures = new ArrayList<>();
        Map<String, String> executed = new TreeMap<>();
        for (WebElement operation : browser.findElements(By.cssSelector(".opblock.opblock-get"))) {
            String path = operation.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
            script.executeScript("arguments[0].scrollIntoView({block: 'center'})", operation);
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            // Swagger UI renders the expanded operation before it listens to its buttons: click until it answers
            WebElement execute = wait.until(driver -> {
                List<WebElement> ready = operation.findElements(By.cssSelector("button.execute"));
                if (!ready.isEmpty()) {
                    return ready.get(0);
                }
                operation.findElements(By.cssSelector("button.try-out__btn")).stream()
                        .filter(button -> button.getText().contains("Try")).findFirst().ifPresent(WebElement::click);
                return null;
            });
            execute.click();
            String status;
            try {
                status = wait.until(driver -> operation.findElements(By.cssSelector(
                                ".live-responses-table .response .response-col_status")).stream()
                        .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).findFirst()
                        .orElse(null));
            } catch (TimeoutException e) {
                throw new AssertionError("GET " + path + " showed no response within 30 s", e);
            }
            executed.put(path, status);
            boolean admin = operations.getOrDefault(path, false);
            boolean expected = status.startsWith("2") || admin && status.startsWith("401");
            if (!expected) {
                String body = operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_description"))
                        .stream().map(WebElement::getText).findFirst().orElse("");
                failures.add("GET " + path + " answered " + status + ": " + body.lines().limit(12).toList());
            }
            // folded again, so that the page stays small enough to click through
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        }
        assertEquals(operations.keySet(), executed.keySet(), "every GET of the document was executed");
        assertEquals(List.of(), failures);
    }
}
