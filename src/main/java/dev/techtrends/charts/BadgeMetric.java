package dev.techtrends.charts;

/** What a badge shows: the trend score, the rank in the category, the momentum, or the tier (method v4). */
public enum BadgeMetric {
    TREND,
    RANK,
    MOMENTUM,
    TIER
}
