package dev.techtrends.web;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Redis that the rate-limit tests share their counters through: the one on this machine (see .ci/test). */
public final class TestRedis {

    public static final String URL = "redis://127.0.0.1:6379/0";

    private TestRedis() {
    }

    /** Runs one command and waits for its answer. */
    public static Response command(String... command) {
        Vertx vertx = Vertx.vertx();
        try {
            RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, URL));
            return redis.send(io.vertx.redis.client.Command.create(command[0]),
                            List.of(command).subList(1, command.length).toArray(String[]::new))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Redis at " + URL + " (the rate-limit tests need it): " + e, e);
        } finally {
            vertx.close();
        }
    }

    /** Forgets the counts of the clients whose address starts with the prefix, so that a test starts afresh. */
    public static void forgetClients(String addressPrefix) {
        command("EVAL", "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 0",
                "0", "tech-trends:rate:*:" + addressPrefix + "*");
    }
}
