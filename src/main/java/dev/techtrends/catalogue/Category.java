package dev.techtrends.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Write model of a category; written through {@link CategoryRepository}; reads go through {@link CatalogueQueries}. */
@Entity
@Table(name = "category")
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    public String kind;

    @Column(columnDefinition = "text")
    public String description;

    void apply(CategoryInput input) {
        slug = input.slug();
        name = input.name();
        kind = input.kind();
        description = input.description();
    }

    CategoryInput toInput() {
        return new CategoryInput(slug, name, kind, description);
    }
}
