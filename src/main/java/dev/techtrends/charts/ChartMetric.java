package dev.techtrends.charts;

import dev.techtrends.rankings.RankingItem;
import dev.techtrends.rankings.Views;
import dev.techtrends.scoring.ScoreOrder;
import java.util.List;

/** What a chart draws: a figure of the scores, or each signal's normalised level. */
public enum ChartMetric {
    TREND("trend score", "trend score (0–100)"),
    POPULARITY("popularity", "popularity (0–100)"),
    MOMENTUM("momentum", "momentum (% per year)"),
    SIGNALS("signals", "normalised level per signal (0–100)");

    final String title;
    final String axis;

    ChartMetric(String title, String axis) {
        this.title = title;
        this.axis = axis;
    }

    /** The chart of a figure rankings sort by. */
    static ChartMetric of(ScoreOrder order) {
        return switch (order) {
            case TREND -> TREND;
            case POPULARITY -> POPULARITY;
            case MOMENTUM -> MOMENTUM;
        };
    }

    List<Double> of(Views.ComparedTechnology technology) {
        return switch (this) {
            case POPULARITY -> technology.popularity();
            case MOMENTUM -> technology.momentumPct();
            default -> technology.trendScore();
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
