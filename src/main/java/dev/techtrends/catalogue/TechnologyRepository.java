package dev.techtrends.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Technologies as entities, with their aliases and relations, for the writes of {@link CatalogueService}. */
@ApplicationScoped
public class TechnologyRepository implements PanacheRepository<Technology> {

    /** The technology, or null. */
    Uni<Technology> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /** A technology with everything {@link Technology#toInput()} and a full replacement need, in one query; or null. */
    Uni<Technology> findForUpdate(String slug) {
        return find("""
                select distinct t from Technology t
                join fetch t.category
                left join fetch t.aliases
                left join fetch t.relations r
                left join fetch r.target
                where t.slug = ?1""", slug).firstResult();
    }

    Uni<List<Technology>> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? Uni.createFrom().item(List.of()) : list("slug in ?1", slugs);
    }

    /** Whether another technology than {@code exceptId} (null: any) has this slug. */
    Uni<Boolean> slugTaken(String slug, Long exceptId) {
        return (exceptId == null ? count("slug", slug) : count("slug = ?1 and id <> ?2", slug, exceptId))
                .map(count -> count > 0);
    }

    Uni<Long> countInCategory(long categoryId) {
        return count("category.id", categoryId);
    }

    /** The relations of other technologies that point at this one, with their sources. */
    Uni<List<TechnologyRelation>> incomingRelations(long technologyId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                        "from TechnologyRelation r join fetch r.source where r.target.id = ?1 order by r.source.slug",
                        TechnologyRelation.class)
                .setParameter(1, technologyId)
                .getResultList());
    }

    /** Observations are plain SQL rows, not entities: counted with a native query in the same session. */
    Uni<Long> observationCount(long technologyId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("select count(*) from observation where technology_id = :id", Long.class)
                .setParameter("id", technologyId)
                .getSingleResult());
    }
}
