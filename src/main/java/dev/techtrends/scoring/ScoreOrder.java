package dev.techtrends.scoring;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The figure a ranking sorts by, descending. */
public enum ScoreOrder {
    TREND(Score::trendScore),
    POPULARITY(Score::popularity),
    MOMENTUM(Score::momentum);

    private final Function<Score, Double> figure;
    /** Figure descending, then slug; those without the figure last, by slug. Built once: rankings sort often. */
    private final Comparator<Score> displayOrder;

    ScoreOrder(Function<Score, Double> figure) {
        this.figure = figure;
        this.displayOrder = Comparator.comparing(figure, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
                .thenComparing(Score::technology);
    }

    public Double figureOf(Score score) {
        return figure.apply(score);
    }

    Comparator<Score> displayOrder() {
        return displayOrder;
    }

    /** The name used in the API: {@code trend}, {@code popularity}, {@code momentum}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
