package dev.techtrends.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Read routing over a real second connection pool: reads go to the standby only while it has replayed the data
 * version the service serves, and to the primary while it lags or cannot answer, so an answer is never older than
 * one the primary would give.
 */
@QuarkusTest
@TestProfile(StandbyProfile.class)
class StandbyReadsTest {

    static final String ADMIN = "test-admin-key";
    static final String SCORE = "/api/v1/technologies/nestjs/score";

    @Inject
    Pool primary;

    @Inject
    MeterRegistry metrics;

    /** Each read of the catalogue asks for another page size: a new answer, so one that asks the database. */
    private int pageSize;

    @AfterEach
    void noStandby() {
        sql("drop schema if exists " + StandbyProfile.SCHEMA + " cascade");
    }

    @Test
    void readsGoToTheStandbyOnlyWhileItHasReplayedWhatTheServiceServes() {
        // Stopped: the standby answers nothing, and every read is the primary's.
        noStandby();
        awaitReadsOn("primary");

        // Replayed everything: reads go to it, and answer as the primary does.
        sql("begin; create schema " + StandbyProfile.SCHEMA + "; do $$ declare t text; begin"
                + " for t in select tablename from pg_tables where schemaname = 'public' loop"
                + " execute format('create table " + StandbyProfile.SCHEMA + ".%I as table public.%I', t, t);"
                + " end loop; end $$; commit");
        awaitReadsOn("standby");
        JsonPath before = given().get(SCORE + "?asOf=" + given().get(SCORE).then().extract().path("asOf"))
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> topic = before.getMap("signals.find { it.signal == 'github_topic_developers' }");
        double share = ((Number) topic.get("rawShare")).doubleValue();
        String period = (String) topic.get("latestPeriod");

        // Behind: a write the standby has not replayed is served from the primary at once.
        upload(period, share * 1.5);
        try {
            double standbyReads = reads("standby");
            double after = given().get(SCORE + "?asOf=" + before.getString("asOf")).then().statusCode(200)
                    .extract().jsonPath().getDouble("signals.find { it.signal == 'github_topic_developers' }.rawShare");
            assertEquals(share * 1.5, after, share * 1e-6, "the upload is served at once"); // read as floats
            readTechnologies();
            assertEquals(standbyReads, reads("standby"), "no read went to the standby that lags behind");
        } finally {
            upload(period, share);
        }
    }

    private void upload(String period, double value) {
        given().header("X-API-Key", ADMIN).contentType("text/csv")
                .body("signal,technology,period,value\ngithub_topic_developers,nestjs," + period + "," + value + "\n")
                .post("/api/v1/ingestions").then().statusCode(201);
    }

    /** Waits until a read that asks the database (a page not read before) goes to this pool. */
    private void awaitReadsOn(String pool) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            double standby = reads("standby");
            double onPrimary = reads("primary");
            readTechnologies();
            boolean there = pool.equals("standby") ? reads("standby") > standby && reads("primary") == onPrimary
                    : reads("primary") > onPrimary && reads("standby") == standby;
            if (there) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "reads did not move to the " + pool + " within 10 s");
        }
    }

    private void readTechnologies() {
        pageSize = pageSize % 150 + 1; // fewer than the catalogue holds
        given().get("/api/v1/technologies?size=" + pageSize).then().statusCode(200).body("items.size()",
                equalTo(pageSize));
    }

    private double reads(String pool) {
        return metrics.find("tech_trends_database_reads").tag("pool", pool).counter().count();
    }

    private void sql(String statements) {
        primary.query(statements).execute().await().atMost(Duration.ofSeconds(30));
    }
}
