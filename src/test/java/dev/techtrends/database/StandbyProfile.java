package dev.techtrends.database;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A "standby" that a test controls: the schema {@value #SCHEMA} of the test database, named by the standby URL's
 * search_path. Copying every table into it is a standby that has replayed everything; a write afterwards leaves it
 * behind, as a standby with its replay paused; without the schema it answers nothing, as a stopped one.
 */
public class StandbyProfile implements QuarkusTestProfile {

    static final String SCHEMA = "standby";

    @Override
    public Map<String, String> getConfigOverrides() {
        // The data other test classes left is fine here: this class's own writes are undone.
        return Map.of("quarkus.flyway.clean-at-start", "false", "tech-trends.database.standby-poll-interval", "100ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandbyUrl.class));
    }

    /** The standby URL: the test database (from the environment, or from Dev Services) with the standby's schema. */
    public static class StandbyUrl implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

        private String devServicesUrl;

        @Override
        public void setIntegrationTestContext(DevServicesContext context) {
            devServicesUrl = context.devServicesProperties().get("quarkus.datasource.reactive.url");
        }

        @Override
        public Map<String, String> start() {
            String url = System.getenv().getOrDefault("QUARKUS_DATASOURCE_REACTIVE_URL", devServicesUrl);
            if (url == null) {
                throw new IllegalStateException("No test database: neither QUARKUS_DATASOURCE_REACTIVE_URL nor Dev"
                        + " Services");
            }
            String base = url.split(",")[0].strip().replaceFirst("^vertx-reactive:", "");
            return Map.of("tech-trends.database.standby-url",
                    base + (base.contains("?") ? "&" : "?") + "search_path=" + SCHEMA);
        }

        @Override
        public void stop() {
        }
    }
}
