package dev.techtrends.rankings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.techtrends.scoring.Quarter;
import dev.techtrends.signals.ExactNumbers;
import dev.techtrends.signals.FreshDatabaseProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's "adding a signal", done as an operator would: a source, a signal and its source keys are rows, the values
 * arrive through the ingestion API, and the signal can be weighted and ranked at once. No code knows its key.
 */
@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
class SignalAsDataTest {

    @Inject
    Pool pool;

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    @Test
    void aSignalAddedAsDataIsWeightedAndRanked() {
        given().get("/api/v1/rankings?category=databases&weights=package_downloads:1").then().statusCode(400)
                .body("errors[0].field", equalTo("weights"));

        sql("""
                insert into source (id, name, publisher, url, licence, licence_url, attribution, version, retrieved_at)
                values ('example-registry', 'Example package registry', 'Example Inc.', 'https://registry.example.org',
                  'CC0 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/',
                  'Example package registry download counts (CC0).', 'test', date '2025-07-01')""");
        sql("""
                insert into signal (key, source_id, unit, native_granularity, description, min_value, max_value)
                values ('package_downloads', 'example-registry', 'share of downloads', 'quarter',
                  'Downloads of the client libraries, as a share of all downloads.', 0, 1)""");
        sql("""
                insert into technology_source_key (signal_key, source_key, technology_id)
                select 'package_downloads', k.key, t.id from technology t
                join (values ('pg', 'postgresql'), ('mysql2', 'mysql'), ('ioredis', 'redis')) as k (key, slug)
                  on k.slug = t.slug""");

        StringBuilder csv = new StringBuilder("signal,source_key,period,value\n");
        Map<String, Double> shares = Map.of("pg", 0.4, "mysql2", 0.3, "ioredis", 0.2);
        for (Quarter q = Quarter.parse("2023-Q1"); !q.isAfter(Quarter.parse("2025-Q2")); q = q.plus(1)) {
            for (Map.Entry<String, Double> share : shares.entrySet()) {
                csv.append("package_downloads,").append(share.getKey()).append(',').append(q).append(',')
                        .append(share.getValue()).append('\n');
            }
        }
        given().header("X-API-Key", "test-admin-key").contentType("text/csv").body(csv.toString())
                .post("/api/v1/ingestions").then().statusCode(201).body("inserted", equalTo(30));

        given().get("/api/v1/signals").then().statusCode(200).body("key", hasItem("package_downloads"));

        JsonPath ranking = given()
                .get("/api/v1/rankings?category=databases&asOf=2025-Q2&weights=package_downloads:1&sort=popularity")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = ranking.getList("items");
        List<String> order = items.stream().map(item -> (String) item.get("technology")).toList();
        assertEquals(List.of("postgresql", "mysql", "redis"), order.subList(0, 3));
        assertEquals(order.subList(3, order.size()).stream().sorted().toList(), order.subList(3, order.size()),
                "the databases without a value on the new signal, last by slug");
        // Constant shares: N = 100·L/max, growth 0, so T = 0.5·P + 0.5·50.
        assertEquals(100.0, (Double) items.get(0).get("popularity"), 1e-9);
        assertEquals(75.0, (Double) items.get(1).get("popularity"), 1e-9);
        assertEquals(50.0, (Double) items.get(2).get("popularity"), 1e-9);
        assertEquals(62.5, (Double) items.get(1).get("trendScore"), 1e-9);
        assertNull(items.get(order.indexOf("mongodb")).get("popularity"), "mongodb has no value on the new signal");
        assertEquals(List.of("example-registry"), ranking.getList("sources.id"));

        given().get("/api/v1/technologies/redis/score?asOf=2025-Q2&weights=package_downloads:1").then()
                .statusCode(200)
                .body("signals.find { it.signal == 'package_downloads' }.rawShare", equalTo(0.2))
                .body("signals.find { it.signal == 'package_downloads' }.normalisedLevel", equalTo(50.0))
                .body("sources[0].attribution", equalTo("Example package registry download counts (CC0)."));
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }
}
