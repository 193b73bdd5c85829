package dev.techtrends.scoring;

import java.util.Locale;

/** Which way a technology moves, as its momentum tells: see {@link Score#direction()}. */
public enum Direction {
    /** Growing: the momentum (its whole interval, where there is one) is above 0. */
    RISING,
    /** Shrinking: the momentum (its whole interval) is below 0. */
    FADING,
    /** Neither can be told: the momentum's interval holds 0 (or, without an interval, the momentum is 0). */
    STEADY;

    /** The name used in the API: {@code rising}, {@code fading}, {@code steady}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
