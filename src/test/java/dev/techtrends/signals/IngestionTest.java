package dev.techtrends.signals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
class IngestionTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    static final String ADMIN = "test-admin-key";

    @Inject
    Pool pool;

    /** A fingerprint of every stored observation: any insert, update or delete changes it. */
    String observationChecksum() {
        return pool.query("""
                        select count(*) || ':' || coalesce(md5(string_agg(
                          technology_id || '|' || signal_key || '|' || granularity || '|' || period_start || '|'
                          || value || '|' || coalesce(raw_value::text, '-') || '|' || ingested_at,
                          ',' order by technology_id, signal_key, granularity, period_start)), '')
                        from observation""")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    Response upload(String contentType, String body) {
        return given().header("X-API-Key", ADMIN).contentType(contentType).body(body).post("/api/v1/ingestions");
    }

    @Test
    void everyRejectedUploadLeavesTheObservationsByteForByteUnchanged() {
        String before = observationChecksum();

        upload("text/csv", """
                signal,technology,period,value,raw
                github_topic_developers,nestjs,2025-Q3,0.0005,600
                github_topic_developers,nestjs,2025-08-01,0.0005,
                no_such_signal,nestjs,2025-Q3,0.1,
                qa_questions,fortran,2025-06,0.1,
                qa_questions,go,2025-06,1.5,
                qa_questions,go,2099-01,0.1,
                qa_questions,go,2025-06,,
                """).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The upload was rejected and nothing was written: 6 errors."))
                .body("errors.row", contains(2, 3, 4, 5, 6, 7))
                .body("errors.field", contains("period", "signal", "technology", "value", "period", "value"))
                .body("errors[0].reason", equalTo("must be the first day of a quarter for this quarterly signal, got '2025-08-01'"))
                .body("errors[2].reason", equalTo("no technology has the slug 'fortran'"))
                .body("errors[4].reason", equalTo("is in the future"));

        upload("text/csv", "signal,technology,period,value\n\"unterminated,go,2025-06,0.1\n").then().statusCode(400)
                .body("detail", containsString("not valid CSV"));
        upload("text/csv", "signal,tech,period,value\nqa_questions,go,2025-06,0.1\n").then().statusCode(400)
                .body("errors[0].field", equalTo("tech"));
        upload("text/csv", "signal,technology,period,value\nqa_questions,go,2025-06,zero\n").then().statusCode(400)
                .body("errors[0].reason", equalTo("must be a number, got 'zero'"));
        upload("application/json", "[{\"signal\":\"qa_questions\",\"technology\":\"go\",\"period\":\"2025-06\",\"value\":0.1},")
                .then().statusCode(400).body("detail", startsWith("The request body is not valid JSON"));
        upload("application/json", "{\"signal\":\"qa_questions\"}").then().statusCode(400)
                .body("errors[0].reason", equalTo("must be a JSON array of rows"));
        upload("application/json", "[]").then().statusCode(400).body("errors[0].reason", equalTo("holds no rows"));
        upload("application/json", """
                [{"signal":"qa_questions","technology":"go","period":"2025-06","value":0.1},
                 {"signal":"qa_questions","technology":"go","period":"2025-06-01","value":0.2}]""")
                .then().statusCode(400)
                .body("errors[0].row", equalTo(2))
                .body("errors[0].reason", equalTo("repeats the technology, signal and period of row 1"));
        upload("application/json", """
                [{"signal":"qa_questions","technology":"go","sourceKey":"go","period":"2025-06","value":0.1}]""")
                .then().statusCode(400).body("errors[0].field", equalTo("technology"));
        upload("application/json", """
                [{"signal":"qa_questions","sourceKey":"rust","period":"2025-06","value":0.1}]""")
                .then().statusCode(400)
                .body("errors[0].reason", equalTo("'rust' is not mapped to a technology for signal qa_questions"));
        upload("application/x-ndjson", "{\"signal\":\"qa_questions\",\"technology\":\"go\",\"period\":\"2025-06\",\"value\":0.1}\nnot json\n")
                .then().statusCode(400).body("detail", startsWith("Line 2 is not valid JSON"));
        upload("application/xml", "<rows/>").then().statusCode(415).contentType("application/problem+json");
        upload("text/csv", "signal,technology,period,value\n" + "qa_questions,go,2025-06,0.1\n".repeat(3000))
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", startsWith("The upload is larger than the limit of 65536 bytes"));
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/ingestions").then().statusCode(401);
        given().header("X-API-Key", "test-client-key").contentType(ContentType.JSON).body("[]")
                .post("/api/v1/ingestions").then().statusCode(403);

        StringBuilder manyErrors = new StringBuilder("signal,technology,period,value\n");
        for (int i = 0; i < 150; i++) {
            manyErrors.append("qa_questions,go,2025-06,").append(2 + i).append('\n');
        }
        upload("text/csv", manyErrors.toString()).then().statusCode(400)
                .body("detail", equalTo("The upload was rejected and nothing was written: 150 errors (the first 100 are listed)."))
                .body("errors", hasSize(100));

        assertEquals(before, observationChecksum());
    }

    @Test
    void aValidUploadUpsertsAndResendingChangesNothing() {
        String rows = """
                signal,technology,period,value,raw
                github_topic_developers,quarkus,2025-Q2,0.00011,140
                github_topic_developers,quarkus,2025-Q3,0.00012,150
                """;
        Response first = upload("text/csv", rows);
        first.then().statusCode(201)
                .header("Location", containsString("/api/v1/ingestions/"))
                .body("format", equalTo("csv"))
                .body("rows", equalTo(2))
                .body("inserted", equalTo(2))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("receivedBy", equalTo("admin-key-1"));
        String afterFirst = observationChecksum();

        upload("text/csv", rows).then().statusCode(201)
                .body("inserted", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        assertEquals(afterFirst, observationChecksum());

        upload("application/json", """
                [{"signal":"github_topic_developers","technology":"quarkus","period":"2025-07-01","value":0.00013,"raw":160}]""")
                .then().statusCode(201).body("updated", equalTo(1)).body("unchanged", equalTo(0));
        given().get("/api/v1/technologies/quarkus/series?signal=github_topic_developers").then().statusCode(200)
                .body("series[0].points.period", contains("2025-Q2", "2025-Q3"))
                .body("series[0].points[1].value", closeTo(0.00013, 1e-15))
                .body("series[0].points[1].raw", closeTo(160, 1e-9));

        given().header("X-API-Key", ADMIN).get(first.header("Location")).then().statusCode(200)
                .body("inserted", equalTo(2)).body("rows", equalTo(2));
        given().header("X-API-Key", ADMIN).get("/api/v1/ingestions/999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().get(first.header("Location")).then().statusCode(401);
    }

    @Test
    void sourceKeysAreSummedAndQuarterlyMeansNeedAllThreeMonths() {
        // A hand-made monthly fixture for Quarkus, which no bundled job data covers: Q1 complete, Q2 missing May.
        upload("application/x-ndjson", """
                {"signal":"job_postings","technology":"quarkus","period":"2023-01","value":0.010}
                {"signal":"job_postings","technology":"quarkus","period":"2023-02","value":0.020}
                {"signal":"job_postings","technology":"quarkus","period":"2023-03","value":0.060}
                {"signal":"job_postings","technology":"quarkus","period":"2023-04","value":0.030}
                {"signal":"job_postings","technology":"quarkus","period":"2023-06","value":0.030}
                """).then().statusCode(201).body("inserted", equalTo(5));
        given().get("/api/v1/technologies/quarkus/series?signal=job_postings&granularity=quarter")
                .then().statusCode(200)
                .body("series[0].points.period", contains("2023-Q1"))
                .body("series[0].points[0].value", closeTo(0.03, 1e-15))
                .body("sources[0].id", equalTo("hn-hiring-trends"));

        // Containerization = docker + kubernetes + k8s + containers on GitHub topics: keys in one upload add up, and
        // an umbrella's key feeds its member too (Docker: docker; Kubernetes: kubernetes + k8s).
        upload("application/json", """
                [{"signal":"github_topic_developers","sourceKey":"docker","period":"2025-Q4","value":0.004,"raw":5000},
                 {"signal":"github_topic_developers","sourceKey":"kubernetes","period":"2025-Q4","value":0.003,"raw":4000},
                 {"signal":"github_topic_developers","sourceKey":"k8s","period":"2025-Q4","value":0.001,"raw":1000}]""")
                .then().statusCode(201).body("rows", equalTo(3)).body("inserted", equalTo(3));
        given().get("/api/v1/technologies/containerization/series?signal=github_topic_developers&from=2025-Q4")
                .then().statusCode(200)
                .body("series[0].points[0].value", closeTo(0.008, 1e-15))
                .body("series[0].points[0].raw", closeTo(10000, 1e-9));
        given().get("/api/v1/technologies/docker/series?signal=github_topic_developers&from=2025-Q4")
                .then().statusCode(200).body("series[0].points[0].value", closeTo(0.004, 1e-15));
        given().get("/api/v1/technologies/kubernetes/series?signal=github_topic_developers&from=2025-Q4")
                .then().statusCode(200).body("series[0].points[0].value", closeTo(0.004, 1e-15));
    }

    @Test
    void concurrentIdenticalUploadsDoNotDuplicateRows() throws Exception {
        String rows = """
                [{"signal":"github_topic_developers","technology":"bun","period":"2023-Q1","value":0.0002,"raw":300},
                 {"signal":"github_topic_developers","technology":"bun","period":"2023-Q2","value":0.0003,"raw":400}]""";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> inserted = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                inserted.add(CompletableFuture.supplyAsync(() -> upload("application/json", rows)
                        .then().statusCode(201).extract().path("inserted"), clients));
            }
            int totalInserted = 0;
            for (CompletableFuture<Integer> each : inserted) {
                totalInserted += each.get();
            }
            assertEquals(2, totalInserted);
        } finally {
            clients.shutdown();
        }
        long stored = pool.query("""
                        select count(*) from observation o join technology t on t.id = o.technology_id
                        where t.slug = 'bun' and o.signal_key = 'github_topic_developers'
                          and o.period_start in ('2023-01-01', '2023-04-01')""")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(2, stored);
    }
}
