package dev.techtrends.charts;

/** The value axis: linear, or logarithmic to compare growth of figures of very different size. */
public enum ChartScale {
    LINEAR,
    LOG
}
