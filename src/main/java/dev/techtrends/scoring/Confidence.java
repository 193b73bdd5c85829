package dev.techtrends.scoring;

import java.util.Locale;

/** How much of the default weight a score rests on; a low-confidence score is returned, but flagged. */
public enum Confidence {
    LOW,
    MEDIUM,
    HIGH;

    /** A coverage below this is low confidence. */
    public static final double LOW_BELOW = 0.25;
    /** A coverage from {@link #LOW_BELOW} up to (not including) this is medium confidence; from it on, high. */
    public static final double MEDIUM_BELOW = 0.6;

    /** The confidence of a coverage in [0, 1]. */
    public static Confidence of(double coverage) {
        if (coverage < LOW_BELOW) {
            return LOW;
        }
        return coverage < MEDIUM_BELOW ? MEDIUM : HIGH;
    }

    /** The name used in the API: {@code low}, {@code medium}, {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
