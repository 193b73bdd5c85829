package dev.techtrends.charts;

/** What the comparison chart draws per technology: a figure of the score, or its rank (no signals: one line each). */
public enum CompareMetric {
    TREND(ChartMetric.TREND),
    POPULARITY(ChartMetric.POPULARITY),
    MOMENTUM(ChartMetric.MOMENTUM),
    RANK(ChartMetric.RANK);

    final ChartMetric drawn;

    CompareMetric(ChartMetric drawn) {
        this.drawn = drawn;
    }
}
