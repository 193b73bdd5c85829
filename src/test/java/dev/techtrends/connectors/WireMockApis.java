package dev.techtrends.connectors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * One WireMock server standing in for the live APIs (no Docker): the connectors' base URLs point at it, and each test
 * stubs the recorded answers it needs (src/test/resources/connectors, provenance in its README.md).
 */
public class WireMockApis implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.ofEntries(Map.entry("tech-trends.connectors.innovation-graph.enabled", "true"),
                Map.entry("tech-trends.connectors.innovation-graph.base-url", server.baseUrl()),
                Map.entry("tech-trends.connectors.innovation-graph.from", "2025-04"),
                Map.entry("tech-trends.connectors.hn-hiring.enabled", "true"),
                Map.entry("tech-trends.connectors.hn-hiring.base-url", server.baseUrl()),
                Map.entry("tech-trends.connectors.hn-hiring.from", "2026-08"),
                Map.entry("tech-trends.connectors.pypl.enabled", "true"),
                Map.entry("tech-trends.connectors.pypl.base-url", server.baseUrl()),
                Map.entry("tech-trends.connectors.pypl.from", "2025-10"),
                Map.entry("tech-trends.connectors.stackexchange.enabled", "true"),
                Map.entry("tech-trends.connectors.stackexchange.base-url", server.baseUrl() + "/2.3"),
                Map.entry("tech-trends.connectors.stackexchange.from", "2026-06"),
                Map.entry("tech-trends.connectors.stackexchange.filter", "!nNPvSNdWme"),
                Map.entry("tech-trends.connectors.wikipedia.enabled", "true"),
                Map.entry("tech-trends.connectors.wikipedia.base-url", server.baseUrl() + "/rest_v1"),
                Map.entry("tech-trends.connectors.wikipedia.from", "2024-10"),
                Map.entry("tech-trends.connectors.user-agent",
                        "TechTrendsAPI-test/1.0 (https://example.org; ops@example.org)"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The profile of the connector tests: one application start for all of them. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockApis.class));
        }
    }
}
