package dev.techtrends.signals;

import dev.techtrends.database.DatabaseProxy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The profile of the tests that write: a profile of its own makes Quarkus restart for them, and the test profile's
 * clean-at-start then gives them, and the tests after them, a database with only the bundled data. The datasource
 * goes through a {@link DatabaseProxy} that the outage test cuts (it runs first and leaves it up), and retries are
 * frequent and waits short (a write still waits for its recompute, which takes about a second here), so that failures
 * and retries show within seconds. One profile, one start.
 */
public class FreshDatabaseProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tech-trends.ingestion.max-body-size", "64K",
                "tech-trends.scores.write-wait", "5s", "tech-trends.scores.retry-interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DatabaseProxy.class));
    }
}
