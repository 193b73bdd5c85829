package dev.techtrends.charts;

import dev.techtrends.rankings.RankingItem;
import dev.techtrends.rankings.Views;
import dev.techtrends.scoring.ScoreOrder;

/** What a chart draws: a figure of the scores, the rank by trend score, or each signal's normalised level. */
public enum ChartMetric {
    TREND("trend score", "trend score (0–100)"),
    POPULARITY("popularity", "popularity (0–100)"),
    MOMENTUM("momentum", "momentum (% per year)"),
    RANK("rank", "rank in its category (1 = top)"),
    SIGNALS("signals", "normalised level per signal (0–100)");

    final String title;
    final String axis;

    ChartMetric(String title, String axis) {
        this.title = title;
        this.axis = axis;
    }

    /** The chart of a figure rankings sort by. */
    public static ChartMetric of(ScoreOrder order) {
        return switch (order) {
            case TREND -> TREND;
            case POPULARITY -> POPULARITY;
            case MOMENTUM -> MOMENTUM;
        };
    }

    /** The figure in a quarter of the history (null for signals, which the history does not hold). */
    Double of(Views.HistoryPoint point) {
        return switch (this) {
            case TREND -> point.trendScore();
            case POPULARITY -> point.popularity();
            case MOMENTUM -> point.momentumPct();
            case RANK -> point.rank() == null ? null : point.rank().doubleValue();
            case SIGNALS -> null;
        };
    }

    /** The low end of the figure's 90 % interval in a quarter (method v4; for the rank, its best rank), else null. */
    Double low(Views.HistoryPoint point) {
        return switch (this) {
            case TREND -> Views.Interval.low(point.trendScoreInterval());
            case POPULARITY -> Views.Interval.low(point.popularityInterval());
            case MOMENTUM -> Views.Interval.low(point.momentumPctInterval());
            case RANK -> point.rankRange() == null ? null : (double) point.rankRange().best();
            case SIGNALS -> null;
        };
    }

    /** The high end (for the rank, its worst rank), else null. */
    Double high(Views.HistoryPoint point) {
        return switch (this) {
            case TREND -> Views.Interval.high(point.trendScoreInterval());
            case POPULARITY -> Views.Interval.high(point.popularityInterval());
            case MOMENTUM -> Views.Interval.high(point.momentumPctInterval());
            case RANK -> point.rankRange() == null ? null : (double) point.rankRange().worst();
            case SIGNALS -> null;
        };
    }

    Double of(RankingItem item) {
        return switch (this) {
            case POPULARITY -> item.popularity();
            case MOMENTUM -> item.momentumPct();
            default -> item.trendScore();
        };
    }

    /** The figure's 90 % interval (method v4), null without one. */
    Views.Interval intervalOf(RankingItem item) {
        return switch (this) {
            case POPULARITY -> item.popularityInterval();
            case MOMENTUM -> item.momentumPctInterval();
            default -> item.trendScoreInterval();
        };
    }
}
