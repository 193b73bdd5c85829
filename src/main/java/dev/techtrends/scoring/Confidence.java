package dev.techtrends.scoring;

import java.util.Locale;

/**
 * How much of the default weight a score rests on, and on how many sources; a low-confidence score is returned, but
 * flagged.
 */
public enum Confidence {
    LOW,
    MEDIUM,
    HIGH;

    /** A coverage below this is low confidence. */
    public static final double LOW_BELOW = 0.25;
    /** A coverage from {@link #LOW_BELOW} up to (not including) this is medium confidence; from it on, high. */
    public static final double MEDIUM_BELOW = 0.6;

    /** A score on fewer signals with data than this is low confidence, whatever their weight: one source can err. */
    public static final int LOW_BELOW_SIGNALS = 2;

    /**
     * @param coverage the share of the default weight with data, in [0, 1]
     * @param signals  the signals with data in the quarter, weighted or not
     */
    public static Confidence of(double coverage, int signals) {
        if (coverage < LOW_BELOW || signals < LOW_BELOW_SIGNALS) {
            return LOW;
        }
        return coverage < MEDIUM_BELOW ? MEDIUM : HIGH;
    }

    /** The name used in the API: {@code low}, {@code medium}, {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
