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
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Per-client rate limits with token buckets (Bucket4j), per replica. A client is its API key when the key is valid,
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

        ConsumptionProbe take(String client) {
            return buckets.get(client, key -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                    .refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsumeAndReturnRemaining(1);
        }
    }

    private final boolean enabled;
    private final Budget anonymousReads;
    private final Budget clientReads;
    private final Budget writes;
    private final Budget failedAuth;
    private final ClientAddress addresses;
    private final ApiKeyIdentityProvider keys;

    public RateLimits(TechTrendsConfig config, ApiKeyIdentityProvider keys) {
        TechTrendsConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.anonymousReads = Budget.of("anonymous-reads", limits.anonymousPerMinute());
        this.clientReads = Budget.of("client-reads", limits.clientPerMinute());
        this.writes = Budget.of("writes", limits.writesPerMinute());
        this.failedAuth = Budget.of("failed-auth", limits.failedAuthPerMinute());
        this.addresses = new ClientAddress(limits.trustedProxies().orElse(List.of()));
        this.keys = keys;
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
        ConsumptionProbe probe = budget.take(client);
        long resetSeconds = seconds(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
        context.response()
                .putHeader("RateLimit-Policy", "\"" + budget.name() + "\";q=" + budget.perMinute() + ";w=60")
                .putHeader("RateLimit", "\"" + budget.name() + "\";r=" + probe.getRemainingTokens() + ";t="
                        + resetSeconds);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long retryAfter = Math.max(1, resetSeconds);
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
