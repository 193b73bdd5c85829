package dev.techtrends.signals;

/** How a series read gives its values: each signal's own periods, or monthly values averaged per quarter. */
public enum SeriesGranularity {
    NATIVE,
    QUARTER
}
