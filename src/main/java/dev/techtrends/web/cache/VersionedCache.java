package dev.techtrends.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.techtrends.TechTrendsConfig;
import io.netty.buffer.Unpooled;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Everything kept in memory because it only changes with the data: rendered responses, and values the read side
 * loads once per data version (score runs, components, attributions). One cache, bounded in bytes
 * (tech-trends.http.cache-max-size), keyed by the data version, so a change of the data makes every entry
 * unreachable at once and a late write under an old version can never be read under a new one.
 */
@ApplicationScoped
// Caffeine picks its node class by name for a weighed cache; a native executable needs it registered.
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSMW", "com.github.benmanes.caffeine.cache.PSMW"})
public class VersionedCache {

    /** What a loaded value is assumed to weigh: a handful of them exist (score runs, components, attributions). */
    static final int LOADED_VALUE_WEIGHT = 1 << 20;

    /**
     * A rendered 200 response. Its body is kept off the heap, where the socket writes from: an answer from memory is
     * written without a copy (a copy per request, of answers of 15-30 kB, kept the serial collector busy).
     */
    public record Rendered(Buffer body, String contentType, String etag, String link) {

        public Rendered(byte[] body, String contentType, String etag, String link) {
            this(offHeap(body), contentType, etag, link);
        }

        /** The bytes in direct memory the JDK frees with the buffer, shared by every write: never released by one. */
        private static Buffer offHeap(byte[] bytes) {
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
        }
    }

    /** A value loaded once per data version, and what it weighs (an estimate until it has loaded). */
    private record Loaded(Uni<?> value, long weight) {
    }

    private final DataVersions versions;
    private final Cache<String, Object> entries;
    private volatile String versionKey = "";

    public VersionedCache(DataVersions versions, TechTrendsConfig config) {
        this.versions = versions;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.http().cacheMaxSize().asLongValue())
                .weigher((String key, Object value) -> key.length() + (value instanceof Rendered rendered
                        ? rendered.body().length() + rendered.etag().length() + 64
                        : (int) Math.min(Integer.MAX_VALUE, ((Loaded) value).weight())))
                .build();
    }

    /** A rendered response stored under this key for the given data version, or null. */
    public Rendered rendered(DataVersions.Versions at, String key) {
        return (Rendered) entries.getIfPresent(keyAt(at, key));
    }

    public void putRendered(DataVersions.Versions at, String key, Rendered rendered) {
        entries.put(keyAt(at, key), rendered);
    }

    /**
     * A value that only changes with the data, loaded once per data version and then served from memory; a failed
     * load is forgotten, so the next request tries again.
     */
    public <T> Uni<T> loaded(String key, Supplier<Uni<T>> loader) {
        return loaded(key, loader, value -> LOADED_VALUE_WEIGHT);
    }

    /**
     * As {@link #loaded(String, Supplier)}, weighed once loaded: for values whose size follows the data (a category's
     * components), so that the cache holds as many as fit rather than a fixed count.
     *
     * @param weight the value's size in bytes, estimated
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> loaded(String key, Supplier<Uni<T>> loader, ToLongFunction<T> weight) {
        String versioned = keyAt(versions.current(), key);
        // The loader runs when the value is first subscribed, not inside the map's compute: a loader that asks this
        // cache for another value while building its Uni (components need attributions) would otherwise be a
        // recursive update of the map ("Recursive update", now and then, whenever both keys share a bin).
        Loaded entry = (Loaded) entries.get(versioned, k -> {
            Uni<T>[] value = new Uni[1];
            value[0] = Uni.createFrom().<T>deferred(loader::get)
                    .onFailure().invoke(() -> entries.invalidate(k))
                    // weighed again once its size is known (the same entry, so no request loads it twice)
                    .invoke(loaded -> entries.asMap().computeIfPresent(k, (key2, held) ->
                            ((Loaded) held).value() == value[0] ? new Loaded(value[0], weight.applyAsLong(loaded))
                                    : held))
                    .memoize().indefinitely();
            return new Loaded(value[0], LOADED_VALUE_WEIGHT);
        });
        return (Uni<T>) entry.value();
    }

    /** Weighted size of everything held, in bytes (estimates for loaded values). */
    public long weight() {
        return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    private String keyAt(DataVersions.Versions at, String key) {
        String current = versions.current().key();
        if (!current.equals(versionKey)) {
            synchronized (this) {
                if (!current.equals(versionKey)) {
                    // Entries of older versions can never be hit again: free their memory now, not by eviction.
                    versionKey = current;
                    entries.invalidateAll();
                }
            }
        }
        return at.key() + '|' + key;
    }
}
