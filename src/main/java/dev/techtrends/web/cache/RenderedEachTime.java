package dev.techtrends.web.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link CachedRead} method whose answer moves with more than the data (the clock's date, connector runs, none of
 * which changes a data version): each answer is rendered, tagged and revalidated by its ETag as usual, but never kept
 * in memory, and it carries no Last-Modified, since the data's last change does not date it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RenderedEachTime {
}
