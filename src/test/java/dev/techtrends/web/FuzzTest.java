package dev.techtrends.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Junk in every path and query position of every read, and in the bodies of every write: the answer is always a
 * 2xx, 3xx or 4xx, never a 5xx. Seeded, so a failure repeats.
 */
@QuarkusTest
class FuzzTest {

    /** Percent-encoded as a client would send them: NUL, controls, broken UTF-8, overlong forms, and plain nonsense. */
    static final List<String> JUNK = List.of("%00", "a%00b", "%01", "%7F", "%FF", "%C0%AF", "%E2%82", "%ED%A0%80",
            "%F0%9F%98%80", "%C3%A4", "%27%3B%20drop%20table%20score%3B--", "..%2F..%2Fetc", "%2F", "%20", "",
            "-1", "0", "999999999999999999999", "1e309", "NaN", "-Infinity", "0x1p-3", "2025-Q9", "9999-99",
            "0000-Q1", "2025-02-30", "%E2%80%AE", "a".repeat(3000), "%25", "%2", "%", "true%00", "v9", "balanced%00",
            "github_topic_developers:1%00", "github_topic_developers:%FF", ":", "a:b:c", ",,,", "nodejs,,%00");

    static final List<String> READS = List.of(
            "/api/v1/categories?page={}&size={}", "/api/v1/categories/{}",
            "/api/v1/technologies?category={}&q={}&relation={}&sort={}&page={}", "/api/v1/technologies/{}",
            "/api/v1/technologies/{}/series?signal={}&from={}&to={}&granularity={}",
            "/api/v1/technologies/{}/score?asOf={}&weights={}&momentumWeight={}&method={}",
            "/api/v1/technologies/nestjs/score?preset={}&asOf={}", "/api/v1/technologies/{}/history?asOf={}&method={}",
            "/api/v1/rankings?category={}&asOf={}&sort={}&weights={}&limit={}&method={}",
            "/api/v1/rankings?preset={}&momentumWeight={}", "/api/v1/movers?direction={}&category={}&asOf={}&limit={}"
                    + "&includeLowConfidence={}",
            "/api/v1/compare?technologies={}&asOf={}", "/api/v1/methodology?method={}", "/api/v1/ingestions/{}",
            "/api/v1/{}", "/{}");

    static final List<String> BODIES = List.of("", "{", "[", "null", "[]", "{}", "\u0000", "[{\"signal\":\"\u0000\"}]",
            "{\"slug\":\"a\\u0000b\",\"name\":\"x\",\"kind\":\"language\",\"description\":\"d\"}",
            "{\"slug\":\"nul-test\",\"name\":\"N\\u0000L\",\"kind\":\"language\",\"description\":\"d\\u0000\"}",
            "{\"slug\":\"nul-tech\",\"name\":\"x\",\"category\":\"languages\",\"description\":\"a\\u0000b\"}",
            "signal,technology,period,value\nqa_questions,go,2025-06,0.1\u0000\n",
            "signal,technology,period,value\nqa_questions,go\u0000,2025-06,0.1\n", "\uFEFFsignal,period,value\n",
            "{\"a\":" + "[".repeat(2000) + "}", "\"\\ud800\"", "[1,2,3]", "x".repeat(10_000));

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    @Test
    void junkInEveryReadPositionIsNeverAServerError() throws Exception {
        Random random = new Random(20261125);
        List<String> failures = new ArrayList<>();
        for (String template : READS) {
            int positions = template.split("\\{}", -1).length - 1;
            for (int position = 0; position < positions; position++) {
                for (String junk : JUNK) {
                    String target = fill(template, position, junk, random);
                    int status = rawGet(target);
                    if (status >= 500) {
                        failures.add(status + " " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void junkBodiesOfEveryWriteAreNeverAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        String[][] writes = {{"POST", "/api/v1/categories"}, {"POST", "/api/v1/technologies"},
                {"PUT", "/api/v1/categories/languages"}, {"PATCH", "/api/v1/technologies/go"},
                {"POST", "/api/v1/ingestions"}};
        String[] types = {"application/json", "application/merge-patch+json", "text/csv", "application/x-ndjson",
                "text/plain"};
        for (String[] write : writes) {
            for (String type : types) {
                for (String body : BODIES) {
                    int status = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + write[1]))
                            .method(write[0], HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", type).header("X-API-Key", "test-admin-key"));
                    if (status >= 500) {
                        failures.add(status + " " + write[0] + " " + write[1] + " " + type + " "
                                + body.substring(0, Math.min(60, body.length())));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The template with junk at one position and plausible values elsewhere. */
    private static String fill(String template, int position, String junk, Random random) {
        String[] plausible = {"go", "frameworks", "2025-Q3", "nestjs", "1", "github_topic_developers:1", "v1"};
        StringBuilder target = new StringBuilder();
        String[] parts = template.split("\\{}", -1);
        for (int i = 0; i < parts.length; i++) {
            target.append(parts[i]);
            if (i < parts.length - 1) {
                target.append(i == position ? junk : plausible[random.nextInt(plausible.length)]);
            }
        }
        return target.toString();
    }

    /** Sent byte for byte: an HTTP client library would refuse or re-encode much of this junk. */
    private int rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-API-Key: test-admin-key\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return statusLine.length() < 12 ? 599 : Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
