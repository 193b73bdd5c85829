package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stage 3 of every method: the ranking of one category in one quarter, with rank changes, deltas and why each
 * technology moved, against the previous quarter and a year ago.
 */
public final class Ranking {

    /**
     * A signal's part in a change of the trend score.
     *
     * @param referenceContribution its trend contribution in the reference quarter, 0 if it had none
     * @param contribution          its trend contribution now, 0 if it has none
     * @param change                contribution − referenceContribution; over all signals these sum to the change
     *                              of the trend score
     */
    public record SignalChange(String signal, double referenceContribution, double contribution, double change) {
    }

    /**
     * How a technology changed since a reference quarter. Every figure is {@code null} when it is missing in either
     * quarter.
     *
     * @param referenceQuarter the quarter compared with
     * @param referenceRank    the rank then
     * @param rankChange       referenceRank − rank: positive means it moved up
     * @param popularityDelta  P now − P then
     * @param momentumDelta    M now − M then
     * @param momentumPctDelta momentumPct now − then, in percentage points
     * @param trendScoreDelta  T now − T then
     * @param whyItMoved       the trend score change split by signal, largest first; empty without a
     *                         trendScoreDelta
     */
    public record Change(Quarter referenceQuarter, Integer referenceRank, Integer rankChange, Double popularityDelta,
                         Double momentumDelta, Double momentumPctDelta, Double trendScoreDelta,
                         List<SignalChange> whyItMoved) {
        public Change {
            whyItMoved = List.copyOf(whyItMoved);
        }
    }

    /**
     * One line of a ranking.
     *
     * @param rank                competition rank (1, 2, 2, 4); {@code null} if the figure sorted by is missing
     * @param score               the technology's score in the quarter ranked
     * @param sincePreviousQuarter change against the quarter before
     * @param sinceYearAgo        change against the same quarter a year before
     * @param placing             where its interval places it among the ranked; {@code null} when unranked or the
     *                            method gives no intervals
     */
    public record Entry(String technology, Integer rank, Score score, Change sincePreviousQuarter,
                        Change sinceYearAgo, Placing placing) {
    }

    /**
     * The ranks a technology could hold given the intervals of the figure ranked by: best counts those whose whole
     * interval lies above its own, worst those whose interval reaches above its low end, so best ≤ rank ≤ worst.
     */
    public record RankRange(int best, int worst) {
    }

    /**
     * Where an interval places a technology: its rank range, and its tier. Tiers are read down the ranking: the first
     * technology opens tier 1, and each next one joins the open tier while its interval overlaps the interval of the
     * tier's first technology, else opens the next tier. Members of a tier cannot be told apart from its first.
     */
    public record Placing(RankRange rankRange, int tier) {
    }

    private static final Comparator<SignalChange> LARGEST_CHANGE_FIRST = Comparator
            .comparingDouble((SignalChange change) -> -Math.abs(change.change())).thenComparing(SignalChange::signal);

    private Ranking() {
    }

    /**
     * Ranks a category. Ties share a rank and are listed by slug; technologies without the figure are unranked and
     * listed last, by slug. Reference ranks are computed the same way among the reference scores given.
     *
     * @param asOf            the quarter ranked; {@code current} must all be of it
     * @param current         the category's scores in asOf, one per technology
     * @param previousQuarter the category's scores in asOf − 1 (may be empty)
     * @param yearAgo         the category's scores in asOf − 4 (may be empty)
     * @throws IllegalArgumentException on a score of the wrong quarter, a repeated technology, or scores computed
     *                                  with different momentum weights (their changes would not add up)
     */
    public static List<Entry> rank(Quarter asOf, Collection<Score> current, Collection<Score> previousQuarter,
                                   Collection<Score> yearAgo, ScoreOrder order) {
        return rank(asOf, current, previousQuarter, yearAgo, order, true);
    }

    /**
     * As {@link #rank(Quarter, Collection, Collection, Collection, ScoreOrder)}; without {@code explain} every change's
     * whyItMoved is empty: lists show rank changes and deltas only, and splitting each change by signal was half of
     * ranking a category.
     */
    public static List<Entry> rank(Quarter asOf, Collection<Score> current, Collection<Score> previousQuarter,
                                   Collection<Score> yearAgo, ScoreOrder order, boolean explain) {
        Objects.requireNonNull(order, "order");
        Map<String, Score> now = byTechnology(asOf, current);
        Map<String, Score> previous = byTechnology(asOf.minus(1), previousQuarter);
        Map<String, Score> yearBefore = byTechnology(asOf.minus(4), yearAgo);
        requireOneMomentumWeight(current, previousQuarter, yearAgo);

        List<Score> sorted = displayOrder(now.values(), order);
        Map<String, Integer> ranksNow = ranksOfSorted(sorted, order);
        Map<String, Integer> ranksPrevious = ranks(previous.values(), order);
        Map<String, Integer> ranksYearAgo = ranks(yearBefore.values(), order);

        Map<String, Placing> placings = placingsOfSorted(sorted, order);

        List<Entry> entries = new ArrayList<>(now.size());
        for (Score score : sorted) {
            String technology = score.technology();
            Integer rank = ranksNow.get(technology);
            entries.add(new Entry(technology, rank, score,
                    change(score, rank, asOf.minus(1), previous.get(technology), ranksPrevious.get(technology),
                            explain),
                    change(score, rank, asOf.minus(4), yearBefore.get(technology), ranksYearAgo.get(technology),
                            explain),
                    placings.get(technology)));
        }
        return entries;
    }

    /**
     * The placing of every ranked technology by the intervals of the figure (see {@link Placing}); empty when the
     * scores have no intervals.
     */
    public static Map<String, Placing> placings(Collection<Score> scores, ScoreOrder order) {
        return placingsOfSorted(displayOrder(scores, order), order);
    }

    private static Map<String, Placing> placingsOfSorted(List<Score> sorted, ScoreOrder order) {
        List<Score.Interval> intervals = new ArrayList<>(sorted.size());
        for (Score score : sorted) {
            if (order.figureOf(score) == null) {
                break; // the unranked come last
            }
            Score.Interval interval = order.intervalOf(score);
            if (interval == null) {
                return Map.of();
            }
            intervals.add(interval);
        }
        List<Placing> placed = placingsInOrder(intervals);
        Map<String, Placing> placings = new HashMap<>();
        for (int i = 0; i < placed.size(); i++) {
            placings.put(sorted.get(i).technology(), placed.get(i));
        }
        return placings;
    }

    /**
     * The placings of ranked technologies, given in rank order (figure descending, ties by slug) by their intervals:
     * how a ranking across categories, stored apart, is placed the same way as a category's.
     */
    public static List<Placing> placingsInOrder(List<Score.Interval> intervals) {
        int ranked = intervals.size();
        double[] lows = new double[ranked];
        double[] highs = new double[ranked];
        for (int i = 0; i < ranked; i++) {
            lows[i] = intervals.get(i).low();
            highs[i] = intervals.get(i).high();
        }
        Arrays.sort(lows);
        Arrays.sort(highs);
        List<Placing> placings = new ArrayList<>(ranked);
        int tier = 0;
        double tierLow = Double.NaN;
        for (Score.Interval interval : intervals) {
            if (tier == 0 || interval.high() < tierLow) {
                tier++;
                tierLow = interval.low();
            }
            int surelyAbove = ranked - countAtMost(lows, interval.high());
            int maybeAbove = ranked - countAtMost(highs, interval.low()) - (interval.high() > interval.low() ? 1 : 0);
            placings.add(new Placing(new RankRange(1 + surelyAbove, 1 + maybeAbove), tier));
        }
        return placings;
    }

    /** How many of the ascending values are at most the given one. */
    private static int countAtMost(double[] ascending, double value) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Competition ranks (1, 2, 2, 4) by the figure, descending, by technology; technologies without the figure get
     * no entry. Ties are exact: equal figures share a rank.
     */
    public static Map<String, Integer> ranks(Collection<Score> scores, ScoreOrder order) {
        return ranksOfSorted(displayOrder(scores, order), order);
    }

    private static Map<String, Integer> ranksOfSorted(List<Score> sorted, ScoreOrder order) {
        Map<String, Integer> ranks = new HashMap<>();
        Double previousFigure = null;
        int rank = 0;
        int position = 0;
        for (Score score : sorted) {
            Double figure = order.figureOf(score);
            if (figure == null) {
                break; // the unranked come last
            }
            position++;
            if (previousFigure == null || figure.doubleValue() != previousFigure.doubleValue()) {
                rank = position;
            }
            ranks.put(score.technology(), rank);
            previousFigure = figure;
        }
        return ranks;
    }

    private static List<Score> displayOrder(Collection<Score> scores, ScoreOrder order) {
        List<Score> sorted = new ArrayList<>(scores);
        sorted.sort(order.displayOrder());
        return sorted;
    }

    private static Change change(Score now, Integer rank, Quarter referenceQuarter, Score then, Integer referenceRank,
                                 boolean explain) {
        Integer rankChange = rank != null && referenceRank != null ? referenceRank - rank : null;
        if (then == null) {
            return new Change(referenceQuarter, null, null, null, null, null, null, List.of());
        }
        Double trendScoreDelta = difference(now.trendScore(), then.trendScore());
        return new Change(referenceQuarter, referenceRank, rankChange,
                difference(now.popularity(), then.popularity()),
                difference(now.momentum(), then.momentum()),
                difference(now.momentumPct(), then.momentumPct()),
                trendScoreDelta,
                trendScoreDelta == null || !explain ? List.of() : whyItMoved(now, then));
    }

    /**
     * T = α·50 + Σ t_s in both quarters and α is the same, so ΔT = Σ (t_s now − t_s then); a signal present in
     * only one quarter counts 0 in the other.
     */
    /** The relative size of a difference that is arithmetic noise: about fifty ulps of the operands. */
    static final double NOISE = 1e-14;

    private static List<SignalChange> whyItMoved(Score now, Score then) {
        List<SignalChange> changes = new ArrayList<>(now.signals().size() + 1);
        for (Score.SignalContribution contribution : now.signals()) {
            double before = then.trendContributionOf(contribution.signal());
            double after = now.trendContributionOf(contribution.signal());
            changes.add(new SignalChange(contribution.signal(), before, after, difference(after, before)));
        }
        for (Score.SignalContribution contribution : then.signals()) {
            if (!now.hasSignal(contribution.signal())) {
                double before = then.trendContributionOf(contribution.signal());
                changes.add(new SignalChange(contribution.signal(), before, 0, 0 - before));
            }
        }
        changes.sort(LARGEST_CHANGE_FIRST);
        return changes;
    }

    private static Double difference(Double now, Double then) {
        return now == null || then == null ? null : difference(now.doubleValue(), then.doubleValue());
    }

    /**
     * now − then, or 0 where the two differ by no more than the rounding error of their own arithmetic: a figure
     * computed twice the same way along two paths (sums in another order) did not move, and must not publish a
     * change of 7·10⁻¹⁵.
     */
    static double difference(double now, double then) {
        double change = now - then;
        return Math.abs(change) <= NOISE * Math.max(Math.abs(now), Math.abs(then)) ? 0 : change;
    }

    private static Map<String, Score> byTechnology(Quarter quarter, Collection<Score> scores) {
        Map<String, Score> byTechnology = new HashMap<>();
        for (Score score : scores) {
            if (!score.quarter().equals(quarter)) {
                throw new IllegalArgumentException("score of " + score.technology() + " is for " + score.quarter()
                        + ", expected " + quarter);
            }
            if (byTechnology.put(score.technology(), score) != null) {
                throw new IllegalArgumentException("two scores of " + score.technology() + " in " + quarter);
            }
        }
        return byTechnology;
    }

    @SafeVarargs
    private static void requireOneMomentumWeight(Collection<Score>... scoreLists) {
        Double momentumWeight = null;
        for (Collection<Score> scores : scoreLists) {
            for (Score score : scores) {
                if (momentumWeight != null && momentumWeight != score.momentumWeight()) {
                    throw new IllegalArgumentException("scores computed with different momentum weights ("
                            + momentumWeight + " and " + score.momentumWeight() + ") cannot be compared");
                }
                momentumWeight = score.momentumWeight();
            }
        }
    }
}
