package dev.techtrends.scoring;

/** The period an observation covers: scores are quarterly, so monthly values are aligned to quarters first. */
public enum Granularity {
    MONTH,
    QUARTER
}
