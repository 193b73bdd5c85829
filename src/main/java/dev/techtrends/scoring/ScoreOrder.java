package dev.techtrends.scoring;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The figure a ranking sorts by, descending. */
public enum ScoreOrder {
    TREND(Score::trendScore, Score.Intervals::trendScore),
    POPULARITY(Score::popularity, Score.Intervals::popularity),
    MOMENTUM(Score::momentum, Score.Intervals::momentum);

    private final Function<Score, Double> figure;
    private final Function<Score.Intervals, Score.Interval> interval;
    /** Figure descending, then slug; those without the figure last, by slug. Built once: rankings sort often. */
    private final Comparator<Score> displayOrder;

    ScoreOrder(Function<Score, Double> figure, Function<Score.Intervals, Score.Interval> interval) {
        this.figure = figure;
        this.interval = interval;
        this.displayOrder = Comparator.comparing(figure, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
                .thenComparing(Score::technology);
    }

    public Double figureOf(Score score) {
        return figure.apply(score);
    }

    /** The figure's interval, {@code null} when the method gives none. */
    public Score.Interval intervalOf(Score score) {
        return score.intervals() == null ? null : interval.apply(score.intervals());
    }

    Comparator<Score> displayOrder() {
        return displayOrder;
    }

    /** The name used in the API: {@code trend}, {@code popularity}, {@code momentum}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
