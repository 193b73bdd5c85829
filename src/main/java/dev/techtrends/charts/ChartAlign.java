package dev.techtrends.charts;

/**
 * The x axis of a line chart: calendar quarters, or quarters since each line's first data, so that technologies of
 * different ages are compared from their start.
 */
public enum ChartAlign {
    CALENDAR,
    FIRST_DATA
}
