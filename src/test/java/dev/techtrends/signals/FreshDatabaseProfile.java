package dev.techtrends.signals;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A profile of its own makes Quarkus restart for the tests that write observations; the test profile's
 * clean-at-start then gives them, and the tests after them, a database with only the bundled data.
 */
public class FreshDatabaseProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tech-trends.ingestion.max-body-size", "64K");
    }
}
