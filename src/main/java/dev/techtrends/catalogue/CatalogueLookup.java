package dev.techtrends.catalogue;

import dev.techtrends.web.Rows;
import dev.techtrends.web.cache.Reads;
import dev.techtrends.web.cache.VersionedCache;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slug → technology and category, the one lookup every read that names them uses: loaded once per data version (a
 * score read names them on every request), so that it costs no query.
 */
@ApplicationScoped
public class CatalogueLookup {

    /** A technology as the reads and the recompute name it. */
    public record TechnologyRef(long id, String slug, String name, long categoryId, String category) {
    }

    /** Every technology and category of one data version, by slug. */
    public record Catalogue(Map<String, TechnologyRef> technologies, Map<String, Long> categoryIds) {
    }

    private static final String TECHNOLOGY_COLUMNS = """
            select t.id, t.slug, t.name, t.category_id, c.slug as category
            from technology t join category c on c.id = t.category_id""";

    private final Reads reads;
    private final VersionedCache cache;

    public CatalogueLookup(Reads reads, VersionedCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    public Uni<Catalogue> catalogue() {
        return cache.loaded("catalogue", () -> reads.run(pool -> technologiesFrom(pool).chain(technologies -> pool
                .preparedQuery("select id, slug from category").execute().map(categories -> {
                    Map<String, TechnologyRef> bySlug = new HashMap<>();
                    technologies.forEach(technology -> bySlug.put(technology.slug(), technology));
                    Map<String, Long> categoryIds = new HashMap<>();
                    categories.forEach(row -> categoryIds.put(row.getString("slug"), row.getLong("id")));
                    return new Catalogue(Map.copyOf(bySlug), Map.copyOf(categoryIds));
                }))));
    }

    /** @throws NoSuchResourceException (404) when no technology has the slug */
    public Uni<TechnologyRef> technology(String slug) {
        return catalogue().map(catalogue -> known(catalogue, slug));
    }

    /** The technologies with these slugs, in that order; 404 for the first unknown one. */
    public Uni<List<TechnologyRef>> technologies(List<String> slugs) {
        return catalogue().map(catalogue -> {
            List<TechnologyRef> ordered = new ArrayList<>(slugs.size());
            slugs.forEach(slug -> ordered.add(known(catalogue, slug)));
            return ordered;
        });
    }

    /** @throws InvalidInputException (400 on the category parameter) when no category has the slug */
    public Uni<Long> categoryId(String slug) {
        return catalogue().map(catalogue -> {
            Long id = catalogue.categoryIds().get(slug);
            if (id == null) {
                throw new InvalidInputException("category", "no category has the slug '" + slug + "'");
            }
            return id;
        });
    }

    /** Every technology, read through any client: a pool, or the recompute's snapshot transaction. */
    public static Uni<List<TechnologyRef>> technologiesFrom(SqlClient client) {
        return client.preparedQuery(TECHNOLOGY_COLUMNS).execute().map(rows -> Rows.map(rows, CatalogueLookup::ref));
    }

    private static TechnologyRef known(Catalogue catalogue, String slug) {
        TechnologyRef technology = catalogue.technologies().get(slug);
        if (technology == null) {
            throw NoSuchResourceException.of("technology", slug);
        }
        return technology;
    }

    private static TechnologyRef ref(Row row) {
        return new TechnologyRef(row.getLong("id"), row.getString("slug"), row.getString("name"),
                row.getLong("category_id"), row.getString("category"));
    }
}
