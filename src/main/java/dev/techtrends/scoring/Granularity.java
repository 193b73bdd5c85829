package dev.techtrends.scoring;

import java.util.Locale;

/**
 * The period an observation covers: scores are quarterly, so monthly values are aligned to quarters first; how a
 * yearly value (a survey edition) enters a quarter is a rule of each method.
 */
public enum Granularity {
    MONTH,
    QUARTER,
    YEAR;

    /** The name stored and shown: {@code month}, {@code quarter}, {@code year}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granularity with this label. */
    public static Granularity of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
