package dev.techtrends.rankings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.signals.FreshDatabaseProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Stored scores always end equal to a clean full recompute of the data: after a recompute that failed once the
 * upload was committed, and after 60 concurrent uploads. A no-op upload changes no version.
 */
@QuarkusTest
// Named to run after the other tests of its profile (classes run by name): its uploads stay in the database.
@TestProfile(FreshDatabaseProfile.class)
class StoredScoresConvergeTest {

    private static final String ADMIN = "test-admin-key";

    @Inject
    Pool pool;

    @Inject
    ScoreRecomputeJob job;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aFailedRecomputeAfterACommittedUploadIsRetriedUntilTheScoresMatchTheData() {
        String before = storedScores();
        // Every score insert fails while this constraint stands: the upload commits, its recompute does not.
        sql("alter table score add constraint refuse_every_row check (quarter < date '1900-01-01') not valid");
        try {
            upload("signal,technology,period,value,raw\ngithub_topic_developers,serverless,2025-Q3,0.0123,15000\n")
                    .then().statusCode(201).body("updated", equalTo(1));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'scores' }.data.current", equalTo(false))
                    .body("checks.find { it.name == 'scores' }.data.staleSince", Matchers.notNullValue());
            assertEquals(before, storedScores(), "nothing half-written");
        } finally {
            sql("alter table score drop constraint refuse_every_row");
        }
        awaitCurrentScores();
        String converged = storedScores();
        assertNotEquals(before, converged, "the upload shows in the scores");
        assertEquals(cleanFullRecompute(), converged);
    }

    @Test
    void sixtyConcurrentUploadsEndInTheStateOfACleanFullRecompute() {
        List<String> technologies = List.of("python", "java", "go", "rust", "php", "ruby", "kotlin", "csharp",
                "typescript", "javascript", "django", "flask", "fastapi", "express", "nestjs", "laravel", "spring-boot",
                "ruby-on-rails", "aspnet-core", "nodejs", "deno", "bun", "postgresql", "mysql", "mongodb", "redis",
                "microservices", "serverless", "containerization", "blockchain");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String body = "signal,technology,period,value\ngithub_topic_developers," + technologies.get(i % 30) + ","
                    + (i < 30 ? "2025-Q2" : "2025-Q3") + "," + (0.001 + i / 10_000.0) + "\n";
            uploads.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/ingestions"))
                            .header("X-API-Key", ADMIN).header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> upload : uploads) {
            assertEquals(201, upload.join().statusCode(), upload.join().body());
        }
        awaitCurrentScores();
        String afterUploads = storedScores();
        assertEquals(cleanFullRecompute(), afterUploads);
        assertEquals(dataVersion(), (long) single("select min(data_version) from score_run").getLong(0),
                "every method's scores are of the current data");
    }

    @Test
    void aNoOpUploadChangesNoVersionAndNoTag() {
        String csv = "signal,technology,period,value,raw\ngithub_topic_developers,redis,2024-Q4,0.0042,5000\n";
        upload(csv).then().statusCode(201);
        awaitCurrentScores();
        long version = dataVersion();
        String tag = given().get("/api/v1/rankings?category=databases").then().statusCode(200).extract().header("ETag");
        upload(csv).then().statusCode(201).body("inserted", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(1));
        assertEquals(version, dataVersion());
        assertEquals(0L, (long) single("select count(*) from score_debt").getLong(0));
        given().header("If-None-Match", tag).get("/api/v1/rankings?category=databases").then().statusCode(304);
    }

    /** Forgets every stored score and computes them all again from the data. */
    private String cleanFullRecompute() {
        sql("delete from score_component");
        sql("delete from score");
        sql("delete from score_run");
        job.caughtUp().await().atMost(Duration.ofSeconds(60));
        awaitCurrentScores();
        return storedScores();
    }

    private void awaitCurrentScores() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (single("select count(*) from score_debt").getLong(0) > 0
                || single("select count(*) from score_run").getLong(0) < 2) {
            assertTrue(System.nanoTime() < deadline, "scores still stale after 60 s");
            sleep();
        }
    }

    /** Every stored figure of every method, in a fixed order. */
    private String storedScores() {
        StringBuilder all = new StringBuilder();
        pool.query("""
                        select s.method_version, t.slug, s.quarter, s.popularity, s.momentum, s.trend_score, s.rank,
                          s.rank_change, s.overall_rank, s.coverage, s.stage, s.direction, s.recent_change_pct,
                          s.tier, s.rank_best, s.rank_worst, s.overall_tier, s.overall_rank_best, s.overall_rank_worst,
                          s.popularity_low, s.popularity_high, s.momentum_low, s.momentum_high, s.trend_score_low,
                          s.trend_score_high
                        from score s join technology t on t.id = s.technology_id
                        order by s.method_version, t.slug, s.quarter""").execute().await().atMost(Duration.ofSeconds(10))
                .forEach(row -> all.append(row.deepToString()).append('\n'));
        return all.toString();
    }

    private long dataVersion() {
        return single("select version from data_version").getLong(0);
    }

    private Row single(String query) {
        return pool.query(query).execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    private static Response upload(String csv) {
        return given().header("X-API-Key", ADMIN).contentType("text/csv").body(csv).post("/api/v1/ingestions");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
