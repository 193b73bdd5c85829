package dev.techtrends.catalogue;

/** The orders GET /technologies lists in, each with its index (technology_*_sort_idx); ties broken by slug. */
public enum TechnologySort {
    NAME("name", "lower(t.name), t.slug"),
    NAME_DESC("-name", "lower(t.name) desc, t.slug"),
    FIRST_RELEASED("firstReleased", "t.first_released nulls last, t.slug"),
    FIRST_RELEASED_DESC("-firstReleased", "t.first_released desc nulls last, t.slug");

    private final String label;
    private final String orderBy;

    TechnologySort(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    /** As the sort parameter names it: {@code -} for descending. */
    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }
}
