package dev.techtrends.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.web.TestRedis;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counters of three replicas in one real Redis, and what happens when Redis cannot be reached. */
class SharedCountersTest {

    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void threeReplicasCountOneBudget() throws Exception {
        TestRedis.forgetClients("192.0.2.77");
        List<SharedCounters> replicas = List.of(new SharedCounters(vertx, TestRedis.URL),
                new SharedCounters(vertx, TestRedis.URL), new SharedCounters(vertx, TestRedis.URL));
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            SharedCounters.Count count = replicas.get(i % 3).count("anonymous-reads", "192.0.2.77")
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            counts.add(count.requests());
            assertTrue(count.resetMillis() > 0 && count.resetMillis() <= 60_000, "the window ends within a minute");
        }
        assertEquals(60, counts.stream().filter(count -> count <= 60).count(), "60 of 70 through three replicas");
        assertEquals(70L, counts.get(69));
    }

    @Test
    void anUnreachableRedisGivesNoCountAndIsLeftAloneForAWhile() throws Exception {
        SharedCounters unreachable = new SharedCounters(vertx, "redis://127.0.0.1:1");
        assertTrue(unreachable.available());
        Throwable failure = unreachable.count("writes", "192.0.2.78").toCompletionStage().toCompletableFuture()
                .handle((count, error) -> error).get(5, TimeUnit.SECONDS);
        assertTrue(failure != null, "no count without Redis");
        assertFalse(unreachable.available(), "the replica counts on its own for a while");
    }
}
