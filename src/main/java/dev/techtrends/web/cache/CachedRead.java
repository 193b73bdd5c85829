package dev.techtrends.web.cache;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public read whose answer depends on the data only (not on who asks): it gets a strong ETag,
 * Cache-Control: public, 304 on a matching If-None-Match, and its rendered answer is kept in memory until the data
 * changes. Reads without it (admin reads, streams) are never cached.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CachedRead {
}
