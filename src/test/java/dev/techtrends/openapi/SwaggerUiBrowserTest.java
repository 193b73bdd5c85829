package dev.techtrends.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** Polls in the page, every 25 ms, until a probe finds something or the time is up (then null). */
    private static final String WAIT_FOR = """
            const done = arguments[arguments.length - 1];
            const operation = arguments[0];
            async function waitFor(probe, timeoutMs) {
              for (const until = Date.now() + timeoutMs; Date.now() < until;
                   await new Promise(resolve => setTimeout(resolve, 25))) {
                const found = probe();
                if (found) return found;
              }
              return null;
            }
            """;

    /**
     * Expands an operation and answers its Execute button, pressing Try it out until Swagger UI shows it (it renders an
     * operation before it listens to its buttons).
     */
    static final String EXPAND = WAIT_FOR + """
            operation.scrollIntoView({block: 'center'});
            operation.querySelector('.opblock-summary-control').click();
            waitFor(() => {
              const execute = operation.querySelector('button.execute');
              if (execute) return execute;
              const tryOut = [...operation.querySelectorAll('button.try-out__btn')]
                  .find(button => button.textContent.includes('Try'));
              if (tryOut) tryOut.click();
              return null;
            }, 30000).then(done);
            """;

    /** Waits for the live response of an operation, answers its status and body, and folds the operation again. */
    static final String RESPONSE = WAIT_FOR + """
            waitFor(() => {
              const cell = operation.querySelector('.live-responses-table .response .response-col_status');
              return cell && cell.textContent.trim() ? cell.textContent.trim() : null;
            }, 30000).then(status => {
              const body = operation.querySelector('.live-responses-table tbody .response-col_description');
              const answer = {status: status || 'no response within 30 s', body: body ? body.textContent : ''};
              // folded again, so that the page stays small enough to click through
              operation.querySelector('.opblock-summary-control').click();
              done(answer);
            });
            """;

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
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(50))
                .until(driver -> !driver.findElements(By.cssSelector(".opblock.opblock-get")).isEmpty());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
        JavascriptExecutor script = browser;

        List<String> failures = new ArrayList<>();
        Map<String, String> executed = new TreeMap<>();
        // The waiting is done in the page, the presses by WebDriver (as a developer's mouse): a WebDriver round trip
        // per poll took most of two seconds an operation.
        for (WebElement operation : browser.findElements(By.cssSelector(".opblock.opblock-get"))) {
            String path = operation.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
            WebElement execute = (WebElement) script.executeAsyncScript(EXPAND, operation);
            assertNotNull(execute, "GET " + path + " shows no Execute button within 30 s");
            execute.click();
            @SuppressWarnings("unchecked")
            Map<String, String> answer = (Map<String, String>) script.executeAsyncScript(RESPONSE, operation);
            String status = answer.get("status");
            executed.put(path, status);
            boolean admin = operations.getOrDefault(path, false);
            boolean expected = status.startsWith("2") || admin && status.startsWith("401");
            if (!expected) {
                failures.add("GET " + path + " answered " + status + ": " + answer.get("body").lines().limit(12)
                        .toList());
            }
        }
        assertEquals(operations.keySet(), executed.keySet(), "every GET of the document was executed");
        assertEquals(List.of(), failures);
    }
}
