package dev.techtrends.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Categories as entities, for the writes of {@link CatalogueService} (which opens the transaction). */
@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    /** The category, or null. */
    Uni<Category> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /** Whether another category than {@code exceptId} (null: any) has this slug. */
    Uni<Boolean> slugTaken(String slug, Long exceptId) {
        return (exceptId == null ? count("slug", slug) : count("slug = ?1 and id <> ?2", slug, exceptId))
                .map(count -> count > 0);
    }
}
