package dev.techtrends.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Swagger UI's "Try it out" does: every public read, called with the examples the document pre-fills,
 * answers 200; and every operation is documented.
 */
@QuarkusTest
class OpenApiExamplesTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyReadAnswersWithItsDocumentedExamples() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String> called = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                assertNotNull(op.get("operationId"), operation.getKey() + " " + path.getKey() + " has an operationId");
                assertNotNull(op.get("summary"), path.getKey() + " has a summary");
                assertNotNull(op.get("description"), path.getKey() + " has a description");
                assertFalse(((List<String>) op.get("tags")).isEmpty(), path.getKey() + " has a tag");
                if (!operation.getKey().equals("get") || op.containsKey("security")) {
                    continue;
                }
                String url = path.getKey();
                StringBuilder query = new StringBuilder();
                for (Map<String, Object> parameter : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                    Object example = parameter.get("example");
                    if (example == null) {
                        continue;
                    }
                    String value = URLEncoder.encode(example.toString(), StandardCharsets.UTF_8);
                    if (parameter.get("in").equals("path")) {
                        url = url.replace("{" + parameter.get("name") + "}", value);
                    } else if (parameter.get("in").equals("query")) {
                        query.append(query.isEmpty() ? '?' : '&').append(parameter.get("name")).append('=').append(value);
                    }
                }
                assertFalse(url.contains("{"), path.getKey() + ": every path parameter has an example");
                String request = url + query;
                int status = given().urlEncodingEnabled(false).get(request).then().extract().statusCode();
                assertEquals(200, status, "GET " + request + " (documented examples)");
                called.add(request);
            }
        }
        assertTrue(called.size() >= 15, "public reads called: " + called);
    }
}
