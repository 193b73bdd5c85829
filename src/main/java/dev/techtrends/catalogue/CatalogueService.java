package dev.techtrends.catalogue;

import dev.techtrends.web.ConflictException;
import dev.techtrends.web.InvalidInputException;
import dev.techtrends.web.NotFoundProblem;
import dev.techtrends.web.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Catalogue writes. Every rule is checked before anything is written, inside one transaction, so a rejected
 * write leaves the catalogue as it was. The database constraints stay as the last line of defence.
 */
@ApplicationScoped
public class CatalogueService {

    @WithTransaction
    public Uni<String> createCategory(CategoryInput input) {
        return Category.count("slug", input.slug()).flatMap(existing -> {
            if (existing > 0) {
                throw new ConflictException("A category with the slug '" + input.slug() + "' already exists.");
            }
            Category category = new Category();
            category.apply(input);
            return category.<Category>persist().map(saved -> saved.slug);
        });
    }

    /** Replaces the stored category by change(stored); PUT ignores the stored value, PATCH merges into it. */
    @WithTransaction
    public Uni<String> updateCategory(String slug, UnaryOperator<CategoryInput> change) {
        return Category.<Category>find("slug", slug).firstResult().flatMap(category -> {
            if (category == null) {
                throw NotFoundProblem.of("category", slug);
            }
            CategoryInput input = change.apply(category.toInput());
            return ensureSlugFree(Category.count("slug = ?1 and id <> ?2", input.slug(), category.id), "category",
                    input.slug())
                    .map(free -> {
                        category.apply(input);
                        return category.slug;
                    });
        });
    }

    @WithTransaction
    public Uni<Void> deleteCategory(String slug) {
        return Category.<Category>find("slug", slug).firstResult().flatMap(category -> {
            if (category == null) {
                throw NotFoundProblem.of("category", slug);
            }
            return Technology.count("category.id", category.id).flatMap(technologies -> {
                if (technologies > 0) {
                    throw new ConflictException("The category '" + slug + "' still holds " + technologies
                            + " technologies; move or delete them first.");
                }
                return category.delete();
            });
        });
    }

    @WithTransaction
    public Uni<String> createTechnology(TechnologyInput input) {
        return Technology.count("slug", input.slug()).flatMap(existing -> {
            if (existing > 0) {
                throw new ConflictException("A technology with the slug '" + input.slug() + "' already exists.");
            }
            return resolve(input, null).flatMap(references -> {
                Technology technology = new Technology();
                apply(technology, input, references);
                return technology.<Technology>persist().map(saved -> saved.slug);
            });
        });
    }

    /** Replaces the stored technology by change(stored); PUT ignores the stored value, PATCH merges into it. */
    @WithTransaction
    public Uni<String> updateTechnology(String slug, UnaryOperator<TechnologyInput> change) {
        return Technology.findForUpdate(slug).flatMap(technology -> {
            if (technology == null) {
                throw NotFoundProblem.of("technology", slug);
            }
            TechnologyInput input = change.apply(technology.toInput());
            return ensureSlugFree(Technology.count("slug = ?1 and id <> ?2", input.slug(), technology.id),
                    "technology", input.slug())
                    .flatMap(free -> resolve(input, technology))
                    .map(references -> {
                        apply(technology, input, references);
                        return technology.slug;
                    });
        });
    }

    @WithTransaction
    public Uni<Void> deleteTechnology(String slug) {
        return Technology.<Technology>find("slug", slug).firstResult().flatMap(technology -> {
            if (technology == null) {
                throw NotFoundProblem.of("technology", slug);
            }
            return TechnologyRelation.<TechnologyRelation>find(
                            "from TechnologyRelation r join fetch r.source where r.target.id = ?1 order by r.source.slug",
                            technology.id)
                    .list()
                    .flatMap(incoming -> {
                        if (!incoming.isEmpty()) {
                            throw new ConflictException("Other technologies point at '" + slug + "' ("
                                    + incoming.stream().map(r -> r.source.slug + " " + r.type)
                                    .collect(Collectors.joining(", "))
                                    + "); remove those relations first.");
                        }
                        return observationCount(technology.id).flatMap(observations -> {
                            if (observations > 0) {
                                throw new ConflictException("'" + slug + "' has " + observations
                                        + " observations; deleting it would orphan them.");
                            }
                            return Technology.delete("id", technology.id).replaceWithVoid();
                        });
                    });
        });
    }

    /** Observations are plain SQL rows, not entities: counted with a native query in the same session. */
    private static Uni<Long> observationCount(Long technologyId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select count(*) from observation where technology_id = :id", Long.class)
                .setParameter("id", technologyId)
                .getSingleResult());
    }

    private static Uni<Boolean> ensureSlugFree(Uni<Long> clashes, String what, String slug) {
        return clashes.map(count -> {
            if (count > 0) {
                throw new ConflictException("A " + what + " with the slug '" + slug + "' already exists.");
            }
            return true;
        });
    }

    private record References(Category category, Map<String, Technology> targets) {
    }

    /** Looks up the category and relation targets the input names; unknown ones are field errors. */
    private static Uni<References> resolve(TechnologyInput input, Technology self) {
        Set<String> targetSlugs = input.relations().stream()
                .map(TechnologyInput.RelationInput::target)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Uni<List<Technology>> targets = targetSlugs.isEmpty() ? Uni.createFrom().item(List.of())
                : Technology.list("slug in ?1", targetSlugs);
        return Category.<Category>find("slug", input.category()).firstResult()
                .flatMap(category -> targets.map(found -> {
                    Map<String, Technology> bySlug = new HashMap<>();
                    found.forEach(t -> bySlug.put(t.slug, t));
                    List<Problem.FieldError> errors = new ArrayList<>();
                    if (category == null) {
                        errors.add(new Problem.FieldError("category", "no category has the slug '" + input.category() + "'"));
                    }
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < input.relations().size(); i++) {
                        TechnologyInput.RelationInput relation = input.relations().get(i);
                        Technology target = bySlug.get(relation.target());
                        String field = "relations[" + i + "].target";
                        if (target == null) {
                            errors.add(new Problem.FieldError(field, "no technology has the slug '" + relation.target() + "'"));
                        } else if (relation.target().equals(input.slug()) || (self != null && Objects.equals(target.id, self.id))) {
                            errors.add(new Problem.FieldError(field, "a technology cannot relate to itself"));
                        }
                        if (!seen.add(relation.type() + " " + relation.target())) {
                            errors.add(new Problem.FieldError("relations[" + i + "]", "duplicate relation"));
                        }
                    }
                    Set<String> aliases = new HashSet<>();
                    for (int i = 0; i < input.aliases().size(); i++) {
                        if (!aliases.add(input.aliases().get(i).strip())) {
                            errors.add(new Problem.FieldError("aliases[" + i + "]", "duplicate alias"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new InvalidInputException("The technology refers to things that do not exist or repeats itself.",
                                errors);
                    }
                    return new References(category, bySlug);
                }));
    }

    /**
     * Copies the input onto the entity. Relations are diffed rather than cleared and re-added: Hibernate flushes
     * inserts before deletes, so re-adding an unchanged relation would trip the unique key.
     */
    private static void apply(Technology technology, TechnologyInput input, References references) {
        technology.slug = input.slug();
        technology.name = input.name();
        technology.category = references.category();
        technology.description = input.description();
        technology.homepage = input.homepage();
        technology.firstReleased = input.firstReleased();
        Set<String> aliases = input.aliases().stream().map(String::strip).collect(Collectors.toSet());
        technology.aliases.retainAll(aliases);
        technology.aliases.addAll(aliases);

        Set<String> wanted = input.relations().stream().map(r -> r.type() + " " + r.target()).collect(Collectors.toSet());
        technology.relations.removeIf(r -> !wanted.contains(r.type + " " + r.target.slug));
        Set<String> kept = technology.relations.stream().map(r -> r.type + " " + r.target.slug).collect(Collectors.toSet());
        for (TechnologyInput.RelationInput relation : input.relations()) {
            if (!kept.contains(relation.type() + " " + relation.target())) {
                technology.relations.add(TechnologyRelation.of(technology, relation.type(),
                        references.targets().get(relation.target())));
            }
        }
    }
}
