package dev.techtrends.scoring;

import java.util.Locale;

/**
 * A data-derived adoption stage (labelled as such in the API, not an editorial verdict). The first match wins,
 * in the order declared. There is no stage without a momentum.
 */
public enum Stage {
    /** Big and not shrinking by more than 10 % a year. */
    ADOPT,
    /** Growing 15 % a year or more. */
    TRIAL,
    /** Not shrinking. */
    ASSESS,
    /** Shrinking. */
    HOLD;

    /** Adopt needs a popularity of at least this. */
    public static final double ADOPT_MIN_POPULARITY = 50;
    /** Adopt needs a momentum of at least ln 0.9: shrinking by no more than 10 % a year. */
    public static final double ADOPT_MIN_MOMENTUM = Math.log(0.9);
    /** Trial needs a momentum of at least ln 1.15: growing by 15 % a year or more. */
    public static final double TRIAL_MIN_MOMENTUM = Math.log(1.15);
    /** Assess needs a momentum of at least 0: not shrinking. */
    public static final double ASSESS_MIN_MOMENTUM = 0;

    /** The stage for a popularity and momentum, or {@code null} when momentum is {@code null}. */
    public static Stage of(Double popularity, Double momentum) {
        if (momentum == null) {
            return null;
        }
        if (popularity != null && popularity >= ADOPT_MIN_POPULARITY && momentum >= ADOPT_MIN_MOMENTUM) {
            return ADOPT;
        }
        if (momentum >= TRIAL_MIN_MOMENTUM) {
            return TRIAL;
        }
        if (momentum >= ASSESS_MIN_MOMENTUM) {
            return ASSESS;
        }
        return HOLD;
    }

    /** The name used in the API: {@code adopt}, {@code trial}, {@code assess}, {@code hold}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
