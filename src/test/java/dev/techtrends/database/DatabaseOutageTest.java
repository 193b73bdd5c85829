package dev.techtrends.database;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.signals.FreshDatabaseProfile;
import dev.techtrends.web.LogNoise;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away under the service (a proxy that drops every connection and refuses new ones): readiness and
 * uncached reads answer 503, never 500, and the console gets one WARN when it begins and one INFO when it ends,
 * however many readiness probes and requests failed meanwhile.
 */
@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
class DatabaseOutageTest {

    /** The lines the console would print, at INFO or above, after the service's log filter. */
    static final class Console extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> filtered = new CopyOnWriteArrayList<>();
        final LogNoise filter = new LogNoise();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                String line = record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage();
                (filter.isLoggable(record) ? lines : filtered).add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anOutageIsTwoLinesAnd503sThenRecovers() throws Exception {
        Assumptions.assumeTrue(DatabaseProxy.active(), "needs QUARKUS_DATASOURCE_REACTIVE_URL (not Dev Services)");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/v1/rankings?category=languages").then().statusCode(200);

        Console console = new Console();
        Logger root = Logger.getLogger("");
        root.addHandler(console);
        try {
            DatabaseProxy.instance.down();
            for (int probe = 0; probe < 20; probe++) {
                given().get("/q/health/ready").then().statusCode(503);
                // an uncached read: a catalogue search nobody made before
                given().get("/api/v1/technologies?q=outage" + probe).then().statusCode(503)
                        .contentType("application/problem+json");
            }
            DatabaseProxy.instance.up();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                status = given().get("/q/health/ready").then().extract().statusCode();
            }
            assertEquals(200, status, "ready again");
            given().get("/api/v1/technologies?q=outage0").then().statusCode(200);
        } finally {
            root.removeHandler(console);
        }
        List<String> warnings = console.lines.stream().filter(line -> !line.startsWith("INFO")).toList();
        List<String> infos = console.lines.stream().filter(line -> line.startsWith("INFO")).toList();
        assertEquals(1, warnings.size(), console.lines.toString());
        assertTrue(warnings.get(0).startsWith("WARN dev.techtrends.database.DatabaseOutages"), warnings.toString());
        assertEquals(1, infos.size(), console.lines.toString());
        assertTrue(infos.get(0).contains("Database available again"), infos.toString());
        assertTrue(console.filtered.stream().filter(line -> line.contains("SRHCK01001")).count() >= 20,
                "every DOWN probe was reported, and kept off the console: " + console.filtered.size());
    }
}
