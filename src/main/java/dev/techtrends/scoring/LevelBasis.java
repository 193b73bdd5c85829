package dev.techtrends.scoring;

import java.util.Locale;

/** What a component's level is a share of: the choice that decides whether outside fashions move a category. */
public enum LevelBasis {
    /** The source's whole universe (v1, v2): every technology of a category fades when an outsider booms. */
    UNIVERSE("share of the source's whole universe"),
    /** The category's established set (v3): only movements within the category count. */
    CATEGORY("share of the category's established set (its technologies with data in each of the last 8 quarters)"),
    /** The value as the source published it, a rate per respondent with no universe (survey usage). */
    PUBLISHED("as published (percent of respondents)");

    private final String label;
    private final String description;

    LevelBasis(String description) {
        this.label = name().toLowerCase(Locale.ROOT);
        this.description = description;
    }

    /** The name stored and shown: {@code universe}, {@code category}, {@code published}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static LevelBasis of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
