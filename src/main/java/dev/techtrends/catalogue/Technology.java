package dev.techtrends.catalogue;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/** Write model of a technology with its aliases and outgoing relations; written through {@link TechnologyRepository}; reads go through {@link CatalogueQueries}. */
@Entity
@Table(name = "technology")
public class Technology {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    @Column(columnDefinition = "text")
    public String description;

    public String homepage;

    /** A finer split within the category (relational, document… databases), or null. */
    public String type;

    @Column(name = "first_released")
    public Integer firstReleased;

    @ElementCollection
    @CollectionTable(name = "technology_alias", joinColumns = @JoinColumn(name = "technology_id"))
    @Column(name = "alias")
    public Set<String> aliases = new HashSet<>();

    @OneToMany(mappedBy = "source", cascade = CascadeType.ALL, orphanRemoval = true)
    public Set<TechnologyRelation> relations = new HashSet<>();

    TechnologyInput toInput() {
        return new TechnologyInput(slug, name, category.slug, description, homepage, firstReleased,
                aliases.stream().sorted().toList(),
                relations.stream()
                        .sorted(Comparator.comparing((TechnologyRelation r) -> r.type).thenComparing(r -> r.target.slug))
                        .map(r -> new TechnologyInput.RelationInput(r.type, r.target.slug))
                        .toList(), type);
    }
}
