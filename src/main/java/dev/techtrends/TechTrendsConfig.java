package dev.techtrends;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code tech-trends.*} setting, with its default: the one place to look. Each is also an environment
 * variable, upper-cased with dots and dashes as underscores (tech-trends.http.max-age = TECH_TRENDS_HTTP_MAX_AGE).
 */
@ConfigMapping(prefix = "tech-trends")
public interface TechTrendsConfig {

    Http http();

    Ingestion ingestion();

    Scores scores();

    Security security();

    interface Http {
        /** Cache-Control: public, max-age of reads, in seconds. */
        @WithDefault("60")
        int maxAge();

        /** How often each replica re-reads the data version, in case a change notification was missed. */
        @WithDefault("10s")
        Duration versionRefreshInterval();

        /** Upper bound of the memory that responses and values kept per data version may take. */
        @WithDefault("64M")
        MemorySize cacheMaxSize();
    }

    interface Ingestion {
        /** Uploads above this size get 413; the HTTP layer's hard cap (quarkus.http.limits.max-body-size) is higher. */
        @WithDefault("5M")
        MemorySize maxBodySize();

        /** Uploads with more rows get 400. */
        @WithDefault("100000")
        int maxRows();
    }

    interface Scores {
        /** Recompute stale scores before taking requests; off for read-only replicas, which cannot store them. */
        @WithDefault("true")
        boolean recomputeAtStart();
    }

    interface Security {
        /** API keys that may write (X-API-Key), comma-separated; none means no writes at all. */
        Optional<List<String>> adminApiKeys();

        /** API keys that identify a client but may only read. */
        Optional<List<String>> clientApiKeys();
    }
}
