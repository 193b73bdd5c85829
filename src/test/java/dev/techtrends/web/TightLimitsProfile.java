package dev.techtrends.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The limits the edge tests reach within seconds: small rate-limit budgets shared through Redis (with the local proxy
 * trusted, so that a test can speak for several clients) and a short idle timeout. One profile for both, so that the service starts once.
 */
public class TightLimitsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tech-trends.rate-limit.enabled", "true",
                "tech-trends.rate-limit.anonymous-per-minute", "60",
                "tech-trends.rate-limit.client-per-minute", "100",
                "tech-trends.rate-limit.writes-per-minute", "5",
                "tech-trends.rate-limit.failed-auth-per-minute", "3",
                "tech-trends.rate-limit.trusted-proxies", "127.0.0.1,::1",
                "tech-trends.rate-limit.redis-url", TestRedis.URL,
                "quarkus.http.idle-timeout", "2s");
    }
}
