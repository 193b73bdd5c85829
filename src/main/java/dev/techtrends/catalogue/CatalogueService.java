package dev.techtrends.catalogue;

import dev.techtrends.database.DerivedData;
import dev.techtrends.web.problem.ConflictException;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import dev.techtrends.web.problem.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Catalogue writes. Every rule is checked before anything is written, inside one transaction, so a rejected
 * write leaves the catalogue as it was; the database constraints stay as the last line of defence. Scores show
 * names, slugs and category membership, so every committed write recomputes them.
 */
@ApplicationScoped
public class CatalogueService {

    private final CategoryRepository categories;
    private final TechnologyRepository technologies;
    private final DerivedData scores;

    public CatalogueService(CategoryRepository categories, TechnologyRepository technologies,
            DerivedData scores) {
        this.categories = categories;
        this.technologies = technologies;
        this.scores = scores;
    }

    public Uni<String> createCategory(CategoryInput input) {
        return write(() -> categories.slugTaken(input.slug(), null).flatMap(taken -> {
            if (taken) {
                throw new ConflictException("A category with the slug '" + input.slug() + "' already exists.");
            }
            Category category = new Category();
            category.apply(input);
            return categories.persist(category).map(saved -> saved.slug);
        }));
    }

    /** Replaces the stored category by change(stored); PUT ignores the stored value, PATCH merges into it. */
    public Uni<String> updateCategory(String slug, UnaryOperator<CategoryInput> change) {
        return write(() -> categories.findBySlug(slug).flatMap(category -> {
            if (category == null) {
                throw NoSuchResourceException.of("category", slug);
            }
            CategoryInput input = change.apply(category.toInput());
            return ensureSlugFree(categories.slugTaken(input.slug(), category.id), "category", input.slug())
                    .map(free -> {
                        category.apply(input);
                        return category.slug;
                    });
        }));
    }

    public Uni<Void> deleteCategory(String slug) {
        return write(() -> categories.findBySlug(slug).flatMap(category -> {
            if (category == null) {
                throw NoSuchResourceException.of("category", slug);
            }
            return technologies.countInCategory(category.id).flatMap(count -> {
                if (count > 0) {
                    throw new ConflictException("The category '" + slug + "' still holds " + count
                            + " technologies; move or delete them first.");
                }
                return categories.delete(category);
            });
        }));
    }

    public Uni<String> createTechnology(TechnologyInput input) {
        return write(() -> technologies.slugTaken(input.slug(), null).flatMap(taken -> {
            if (taken) {
                throw new ConflictException("A technology with the slug '" + input.slug() + "' already exists.");
            }
            return resolve(input, null).flatMap(references -> {
                Technology technology = new Technology();
                apply(technology, input, references);
                return technologies.persist(technology).map(saved -> saved.slug);
            });
        }));
    }

    /** Replaces the stored technology by change(stored); PUT ignores the stored value, PATCH merges into it. */
    public Uni<String> updateTechnology(String slug, UnaryOperator<TechnologyInput> change) {
        return write(() -> technologies.findForUpdate(slug).flatMap(technology -> {
            if (technology == null) {
                throw NoSuchResourceException.of("technology", slug);
            }
            TechnologyInput input = change.apply(technology.toInput());
            return ensureSlugFree(technologies.slugTaken(input.slug(), technology.id), "technology", input.slug())
                    .flatMap(free -> resolve(input, technology))
                    .map(references -> {
                        apply(technology, input, references);
                        return technology.slug;
                    });
        }));
    }

    public Uni<Void> deleteTechnology(String slug) {
        return write(() -> technologies.findBySlug(slug).flatMap(technology -> {
            if (technology == null) {
                throw NoSuchResourceException.of("technology", slug);
            }
            return technologies.incomingRelations(technology.id).flatMap(incoming -> {
                if (!incoming.isEmpty()) {
                    throw new ConflictException("Other technologies point at '" + slug + "' ("
                            + incoming.stream().map(r -> r.source.slug + " " + r.type)
                            .collect(Collectors.joining(", "))
                            + "); remove those relations first.");
                }
                return technologies.observationCount(technology.id).flatMap(observations -> {
                    if (observations > 0) {
                        throw new ConflictException("'" + slug + "' has " + observations
                                + " observations; deleting it would orphan them.");
                    }
                    return technologies.delete("id", technology.id).replaceWithVoid();
                });
            });
        }));
    }

    /** The write in a transaction of its own (which records the scores it makes stale), then their recompute. */
    private <T> Uni<T> write(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).call(done -> scores.caughtUp());
    }

    private static Uni<Boolean> ensureSlugFree(Uni<Boolean> taken, String what, String slug) {
        return taken.map(clash -> {
            if (clash) {
                throw new ConflictException("A " + what + " with the slug '" + slug + "' already exists.");
            }
            return true;
        });
    }

    private record References(Category category, Map<String, Technology> targets) {
    }

    /** Looks up the category and relation targets the input names; unknown ones are field errors. */
    private Uni<References> resolve(TechnologyInput input, Technology self) {
        Set<String> targetSlugs = input.relations().stream()
                .map(TechnologyInput.RelationInput::target)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return categories.findBySlug(input.category())
                .flatMap(category -> technologies.findBySlugs(targetSlugs).map(found -> {
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
        technology.type = input.type();
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
