package dev.techtrends.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.techtrends.TechTrendsConfig;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.problem.Problem;
import dev.techtrends.web.security.ApiKeyAuthenticationMechanism;
import dev.techtrends.web.security.ApiKeyIdentityProvider;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Per-client rate limits, shared by every replica through Redis ({@link SharedCounters}) where
 * tech-trends.rate-limit.redis-url is set, else (and while Redis cannot be reached) with token buckets (Bucket4j) per
 * replica. A client is its API key when the key is valid,
 * else its address (see {@link ClientAddress} for proxies). Reads, writes and requests with a wrong API key have
 * budgets of their own. Every answer carries RateLimit-Policy and RateLimit (IETF httpapi draft); one over budget is
 * 429 problem+json with Retry-After. Operations endpoints (/q/*) are not limited: probes and scrapers must get
 * through.
 */
@Singleton
public class RateLimits {

    /** One budget: its name in the headers, its quota per minute, and a bucket per client. */
    private record Budget(String name, long perMinute, Cache<String, Bucket> buckets) {

        static Budget of(String name, long perMinute) {
            // The whole quota comes back at once each minute: request n + 1 of a minute is refused, as promised.
            return new Budget(name, perMinute, Caffeine.newBuilder().maximumSize(100_000)
                    // an idle bucket refills within a minute: forgetting it later changes nothing
                    .expireAfterAccess(Duration.ofMinutes(2)).build());
        }

        Decision take(String client) {
            ConsumptionProbe probe = buckets.get(client, key -> Bucket.builder().addLimit(Bandwidth.builder()
                    .capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build())
                    .tryConsumeAndReturnRemaining(1);
            return new Decision(probe.isConsumed(), probe.getRemainingTokens(), seconds(probe.isConsumed()
                    ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()));
        }

        Decision of(SharedCounters.Count count) {
            return new Decision(count.requests() <= perMinute, Math.max(0, perMinute - count.requests()),
                    seconds(count.resetMillis() * 1_000_000L));
        }
    }

    /** Whether the request is within its budget, what is left of it, and when it is whole again. */
    private record Decision(boolean allowed, long remaining, long resetSeconds) {
    }

    private final boolean enabled;
    private final Budget anonymousReads;
    private final Budget clientReads;
    private final Budget writes;
    private final Budget failedAuth;
    private final ClientAddress addresses;
    private final ApiKeyIdentityProvider keys;
    private final SharedCounters shared;

    public RateLimits(TechTrendsConfig config, ApiKeyIdentityProvider keys, Vertx vertx) {
        TechTrendsConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.anonymousReads = Budget.of("anonymous-reads", limits.anonymousPerMinute());
        this.clientReads = Budget.of("client-reads", limits.clientPerMinute());
        this.writes = Budget.of("writes", limits.writesPerMinute());
        this.failedAuth = Budget.of("failed-auth", limits.failedAuthPerMinute());
        this.addresses = new ClientAddress(limits.trustedProxies().orElse(List.of()));
        this.keys = keys;
        this.shared = limits.enabled() ? limits.redisUrl().map(url -> new SharedCounters(vertx, url)).orElse(null)
                : null;
    }

    void register(@Observes Router router) {
        if (enabled) {
            // After CORS (-300), so preflights are answered and every answer carries CORS headers; before the rest.
            router.route().order(-4).handler(this::limit);
        }
    }

    private void limit(RoutingContext context) {
        if (context.request().path().startsWith("/q/")) {
            context.next();
            return;
        }
        String address = addresses.of(context.request().remoteAddress().host(),
                context.request().getHeader("X-Forwarded-For"));
        String key = context.request().getHeader(ApiKeyAuthenticationMechanism.HEADER);
        String principal = key == null ? null : keys.principalOf(key);
        Budget budget;
        String client;
        if (key != null && principal == null) {
            budget = failedAuth; // a wrong key is charged to the address, never to the key it names
            client = address;
        } else {
            boolean read = context.request().method() == HttpMethod.GET || context.request().method() == HttpMethod.HEAD
                    || context.request().method() == HttpMethod.OPTIONS;
            budget = !read ? writes : principal != null ? clientReads : anonymousReads;
            client = principal != null ? "key:" + principal : address;
        }
        if (shared == null || !shared.available()) {
            answer(context, budget, budget.take(client));
            return;
        }
        // The body must wait in the socket while Redis counts, or the resource would miss its first bytes.
        HttpServerRequest request = context.request();
        request.pause();
        Context here = Vertx.currentContext();
        shared.count(budget.name(), client).onComplete(counted -> here.runOnContext(ignored -> {
            request.resume();
            answer(context, budget, counted.succeeded() ? budget.of(counted.result()) : budget.take(client));
        }));
    }

    private static void answer(RoutingContext context, Budget budget, Decision decision) {
        context.response()
                .putHeader("RateLimit-Policy", "\"" + budget.name() + "\";q=" + budget.perMinute() + ";w=60")
                .putHeader("RateLimit", "\"" + budget.name() + "\";r=" + decision.remaining() + ";t="
                        + decision.resetSeconds());
        if (decision.allowed()) {
            context.next();
            return;
        }
        long retryAfter = Math.max(1, decision.resetSeconds());
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.PROBLEM_JSON)
                .end(Json.encode(Problem.of(429, "Over the budget " + budget.name() + " of " + budget.perMinute()
                        + " requests a minute; retry in " + retryAfter + " s.", context.request().path())));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
