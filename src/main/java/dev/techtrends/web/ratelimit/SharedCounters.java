package dev.techtrends.web.ratelimit;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Request counters in Redis that every replica shares: one per budget, client and minute, counted and expired in one
 * script, so a client's budget is the same behind one replica or ten. A count that Redis cannot give within
 * {@link #TIMEOUT} fails, and Redis is left alone for {@link #PAUSE} (the caller counts on its own meanwhile); the
 * outage and the recovery are logged once each.
 */
final class SharedCounters {

    static final Duration TIMEOUT = Duration.ofMillis(250);
    static final Duration PAUSE = Duration.ofSeconds(5);

    /** Counts the request; returns the count in this window and the milliseconds until the window ends. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}""";

    /** A count: requests so far in the window, and the milliseconds until it ends. */
    record Count(long requests, long resetMillis) {
    }

    private final Vertx vertx;
    private final RedisAPI redis;
    private final String where;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long pausedUntilNanos;

    SharedCounters(Vertx vertx, String url) {
        this.vertx = vertx;
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(16).setMaxPoolWaiting(256)
                .setMaxWaitingHandlers(4096);
        options.getNetClientOptions().setConnectTimeout((int) TIMEOUT.toMillis()).setTcpNoDelay(true);
        this.redis = RedisAPI.api(Redis.createClient(vertx, options));
        this.where = url.replaceFirst("//[^@/]*@", "//"); // no password in the log
    }

    /** Whether counts are asked of Redis now, or left to the caller while it recovers from an outage. */
    boolean available() {
        return !down.get() || System.nanoTime() - pausedUntilNanos > 0;
    }

    Future<Count> count(String budget, String client) {
        Promise<Count> counted = Promise.promise();
        long timer = vertx.setTimer(TIMEOUT.toMillis(), id -> counted.tryFail("no answer within " + TIMEOUT.toMillis()
                + " ms"));
        redis.eval(List.of(COUNT, "1", "tech-trends:rate:" + budget + ":" + client, "60000"))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    if (result.succeeded()) {
                        Response answer = result.result();
                        counted.tryComplete(new Count(answer.get(0).toLong(), Math.max(0, answer.get(1).toLong())));
                    } else {
                        counted.tryFail(result.cause());
                    }
                });
        return counted.future().onSuccess(count -> {
            if (down.compareAndSet(true, false)) {
                Log.infof("Redis at %s answers again: rate limits are shared by every replica", where);
            }
        }).onFailure(failure -> {
            pausedUntilNanos = System.nanoTime() + PAUSE.toNanos();
            if (down.compareAndSet(false, true)) {
                Log.warnf("Redis at %s unavailable (%s): each replica counts its own rate limits until it is back",
                        where, failure.getMessage());
            }
        });
    }
}
