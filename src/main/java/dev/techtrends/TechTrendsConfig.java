package dev.techtrends;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
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

    Connectors connectors();

    /**
     * The connectors to live public sources: each off by default (the service starts and serves offline), with its
     * API's base URL, schedule and first period to backfill. TECH_TRENDS_CONNECTORS_&lt;NAME&gt;_ENABLED etc.
     */
    interface Connectors {
        /** Sent with every request; Wikimedia requires a contact (URL or e-mail). */
        @WithDefault("TechTrendsAPI/1.0 (https://github.com/tech-trends/tech-trends-api; operator contact not configured)")
        String userAgent();

        StackExchange stackexchange();

        Connector wikipedia();

        Connector pypl();

        @WithName("innovation-graph")
        Connector innovationGraph();

        @WithName("hn-hiring")
        Connector hnHiring();
    }

    interface Connector {
        @WithDefault("false")
        boolean enabled();

        /** Where its API answers; the default is the real public API. */
        String baseUrl();

        /** When it runs (Quartz-style cron, UTC). */
        String cron();

        /** The first period to backfill, a month (2015-07). */
        String from();
    }

    interface StackExchange extends Connector {
        /** An API key (stackapps.com; not a secret): 10,000 requests a day instead of 300. */
        Optional<String> key();

        /**
         * The response filter: the built-in {@code total}, or a custom filter that also includes .backoff,
         * .quota_max and .quota_remaining (created once with /2.3/filters/create), which the quota handling needs.
         */
        @WithDefault("total")
        String filter();

        /** Stop a run when the API says fewer requests than this remain today. */
        @WithDefault("5")
        int minQuotaRemaining();
    }

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

        /** Longer request targets (path and query) get 414 problem+json (Vert.x's own cap is twice this). */
        @WithDefault("8K")
        MemorySize maxRequestTarget();

        /** Larger header sections get 431 problem+json (Vert.x's own cap is four times this). */
        @WithDefault("16K")
        MemorySize maxHeaders();

        /**
         * The address readers reach the service at (https://trends.example.org), for the feeds' absolute links.
         * Without it they are root-relative, which feed readers resolve against the feed's own address (a cached
         * answer serves every host name alike, so it cannot take one from the request).
         */
        Optional<String> publicUrl();
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
        /**
         * This replica recomputes scores: once before taking requests, after writes and whenever some are stale. Off
         * for read-only replicas of the database, which cannot store them.
         */
        @WithDefault("true")
        boolean recomputeAtStart();

        /** How often every replica looks for stale scores (a replica that died before recomputing is covered). */
        @WithDefault("10s")
        Duration retryInterval();

        /** How long a write waits for the recompute that covers it before answering anyway. */
        @WithDefault("15s")
        Duration writeWait();
    }

    Database database();

    RateLimit rateLimit();

    /**
     * Per-client budgets of requests: shared by every replica through Redis where redis-url is set, else per replica
     * (the effective limit is then this × replicas).
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Reads per minute of a client without an API key, by IP address. */
        @WithDefault("1200")
        long anonymousPerMinute();

        /** Reads per minute of a client with a valid API key. */
        @WithDefault("6000")
        long clientPerMinute();

        /** Writes per minute of a client (its API key, else its IP address). */
        @WithDefault("60")
        long writesPerMinute();

        /** Requests with a wrong API key per minute, by IP address: a brake on guessing keys. */
        @WithDefault("10")
        long failedAuthPerMinute();

        /**
         * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; the client is the
         * right-most address in it that is not one of them. Without any, the peer address is the client.
         */
        Optional<List<String>> trustedProxies();

        /**
         * Redis (redis://host:6379/0) holding the budgets of every replica, so that a client gets its budget once
         * behind any number of them. While it cannot be reached, each replica counts on its own (logged once).
         */
        Optional<String> redisUrl();
    }

    interface Database {
        /** How long a request waits for a pooled connection before it is answered 503. */
        @WithDefault("5s")
        Duration acquireTimeout();

        /** How many requests may wait for a pooled connection at once; more are answered 503 at once. */
        @WithDefault("256")
        int maxWaitQueue();

        /** How long opening a connection to PostgreSQL may take. */
        @WithDefault("3s")
        Duration connectTimeout();

        /**
         * A hot-standby replica (postgresql://standby:5432/techtrends) that serves reads whenever it has replayed the
         * data version this replica serves; writes, recomputes and migrations stay on the primary. Without it every
         * read goes to the primary.
         */
        Optional<String> standbyUrl();

        /** How often the standby is asked which data version it has replayed. */
        @WithDefault("500ms")
        Duration standbyPollInterval();
    }

    interface Security {
        /** API keys that may write (X-API-Key), comma-separated; none means no writes at all. */
        Optional<List<String>> adminApiKeys();

        /** API keys that identify a client but may only read. */
        Optional<List<String>> clientApiKeys();
    }
}
