package dev.techtrends.discover;

import dev.techtrends.scoring.Quarter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * Which items of a source's universe grow fastest over several years: for each item its level now (the mean of the
 * trailing year of quarters, at least three with data; a survey's newest edition) and its level at the start of the
 * window, measured the same way, and the growth between them as a log change per year. Only items at or above a
 * minimum level now are ranked, fastest growth first, so that a spike from nothing does not lead. Pure: no I/O.
 */
public final class Breakouts {

    /** A level is the mean of this many trailing quarters… */
    static final int LEVEL_QUARTERS = 4;
    /** …of which at least this many have data. */
    static final int LEVEL_MIN_QUARTERS = 3;

    /**
     * One item of a universe: its values by quarter (a yearly source's edition in the first quarter of its year).
     *
     * @param yearly whether a value stands for its year (the survey), so that its level is the value itself
     */
    public record Series(String signal, String key, boolean yearly, NavigableMap<Quarter, Double> values) {
        public Series {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A ranked item.
     *
     * @param growth    ln(levelNow / levelThen) / years
     * @param growthPct 100 · (e^growth − 1), percent per year
     */
    public record Breakout(Series series, Quarter from, Quarter to, double levelThen, double levelNow, double growth,
            double growthPct) {
    }

    private Breakouts() {
    }

    /**
     * @param items    the universe's items, all of one signal
     * @param to       the window's end: the signal's newest quarter
     * @param from     the window's start, before {@code to}
     * @param minLevel the least level now an item needs
     * @return the items with a level at both ends of the window and at least minLevel now, fastest growth first (then
     *         by key)
     */
    public static List<Breakout> rank(List<Series> items, Quarter from, Quarter to, double minLevel) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must start before it ends: " + from + " to " + to);
        }
        double years = from.quartersUntil(to) / 4.0;
        List<Breakout> ranked = new ArrayList<>();
        for (Series item : items) {
            Double now = level(item, to);
            Double then = level(item, from);
            if (now == null || then == null || now <= 0 || then <= 0 || now < minLevel) {
                continue;
            }
            double growth = Math.log(now / then) / years;
            ranked.add(new Breakout(item, from, to, then, now, growth, 100 * Math.expm1(growth)));
        }
        ranked.sort(Comparator.comparingDouble((Breakout breakout) -> -breakout.growth())
                .thenComparing(breakout -> breakout.series().key()));
        return ranked;
    }

    /** An item's level at a quarter, or null without enough data there. */
    static Double level(Series item, Quarter at) {
        if (item.yearly()) {
            Map.Entry<Quarter, Double> edition = item.values().floorEntry(at);
            // an edition stands for its year: at most three quarters old
            return edition == null || edition.getKey().quartersUntil(at) >= LEVEL_QUARTERS ? null
                    : edition.getValue();
        }
        double sum = 0;
        int quarters = 0;
        for (int back = 0; back < LEVEL_QUARTERS; back++) {
            Double value = item.values().get(at.minus(back));
            if (value != null) {
                sum += value;
                quarters++;
            }
        }
        return quarters >= LEVEL_MIN_QUARTERS ? sum / quarters : null;
    }

    /** The level at which {@code share} of the levels lie at or below: the default minimum level. */
    public static double quantile(List<Double> levels, double share) {
        if (levels.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(levels);
        sorted.sort(null);
        int index = (int) Math.floor(share * (sorted.size() - 1));
        return sorted.get(index);
    }
}
