package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Stage 2 of the quarterly methods: the score of one technology in one quarter, computed from its stored components
 * alone.
 *
 * @param technology     technology slug
 * @param quarter        the quarter scored
 * @param popularity     P = Σ w·N / Σ w over weighted signals with a level, 0 to 100; {@code null} if there is none
 * @param momentum       M = Σ w·G / Σ w over weighted signals with a growth (year-on-year log growth), or, under
 *                       {@link MomentumRule#MULTI_YEAR}, Σ w·b / Σ w over those with a multi-year trend b;
 *                       {@code null} if there is none
 * @param momentumPct    M as percent per year, 100·(e^M − 1)
 * @param trendScore     T = (1−α)·P + α·(50 + 50·clamp(M / ln 2, −1, 1)), 0 to 100. {@code null} when P or M is:
 *                       a trend without a momentum would be popularity alone on a different scale from every other
 *                       trend score, so such a technology is not ranked rather than ranked unfairly
 * @param coverage       how much of the weighting the score rests on, 0 to 1, as the method's {@link Coverage}
 *                       counts it
 * @param confidence     from coverage, see {@link Confidence}
 * @param stage          from P and M, {@code null} without a momentum
 * @param momentumWeight α, the weight of momentum against popularity in the trend score
 * @param signals        one entry per signal with a component, weighted or not, sorted by signal key
 * @param recentChange   under {@link MomentumRule#MULTI_YEAR}: the one-year change Σ w·G / Σ w, so that a turn shows
 *                       beside the multi-year momentum; {@code null} otherwise or without a growth
 * @param intervals      under {@link MomentumRule#MULTI_YEAR}: how far the figures could be off, see
 *                       {@link Intervals}; {@code null} otherwise
 */
public record Score(String technology, Quarter quarter, Double popularity, Double momentum, Double momentumPct,
                    Double trendScore, double coverage, Confidence confidence, Stage stage, double momentumWeight,
                    List<SignalContribution> signals, Double recentChange, Intervals intervals) {

    /** Where a score's momentum comes from. */
    public enum MomentumRule {
        /** Each signal's growth G = ln(L / L a year before) (methods v1 to v3). */
        YEAR_ON_YEAR,
        /** Each signal's multi-year trend b ({@link LogTrend}), with the one-year change beside it and intervals. */
        MULTI_YEAR
    }

    /** A range a figure lies in, low ≤ high. */
    public record Interval(double low, double high) {
        public Interval {
            if (!(low <= high)) {
                throw new IllegalArgumentException("an interval from " + low + " to " + high);
            }
        }

        /** Whether the whole interval lies above the value. */
        public boolean above(double value) {
            return low > value;
        }

        /** Whether the whole interval lies below the value. */
        public boolean below(double value) {
            return high < value;
        }
    }

    /**
     * How far the figures could be off, from how much the signals disagree (a random-effects reading: every signal
     * measures the technology with its own error, {@code se} for a trend, plus a bias of its source with variance
     * τ², estimated from the spread of the signals around the weighted mean): Var(M) = Σ a² (se² + τ²) with a the
     * momentum shares; popularity likewise on the log scale of the normalised levels (without an own error: levels
     * are means of large samples). A score on one signal cannot show disagreement, so it takes the category's
     * typical τ² in that quarter (the median over its technologies with two or more). Intervals are
     * ±{@value #Z} standard errors (90 %); the trend score's combines the two as independent errors.
     *
     * @param popularity           P's interval, within 0 to 100; {@code null} without a popularity
     * @param momentum             M's interval; {@code null} without a momentum
     * @param trendScore           T's interval, within 0 to 100; {@code null} without a trend score
     * @param momentumSignals      signals the momentum rests on (with a trend and weight)
     * @param momentumDisagreement τ² of the momentum: the technology's own with two signals or more, else the
     *                             category's (then {@code null} until it is known)
     * @param popularitySignals    signals the popularity rests on
     * @param popularityDisagreement τ² of the log popularity, likewise
     */
    public record Intervals(Interval popularity, Interval momentum, Interval trendScore, int momentumSignals,
                            Double momentumDisagreement, int popularitySignals, Double popularityDisagreement) {

        /** Standard errors on each side of an interval: 90 % of a normal distribution. */
        public static final double Z = 1.645;

        /** Whether this score's intervals are its own (two signals or more behind each figure it has). */
        boolean ownDisagreement() {
            return (momentum == null || momentumSignals >= 2) && (popularity == null || popularitySignals >= 2);
        }
    }

    /**
     * Which way the technology moves: by the momentum's interval when the method has one (rising or fading only when
     * the whole interval lies on that side of 0), else by the momentum's sign; {@code null} without a momentum.
     */
    public Direction direction() {
        if (momentum == null) {
            return null;
        }
        Interval interval = intervals == null ? null : intervals.momentum();
        if (interval != null ? interval.above(0) : momentum > 0) {
            return Direction.RISING;
        }
        if (interval != null ? interval.below(0) : momentum < 0) {
            return Direction.FADING;
        }
        return Direction.STEADY;
    }

    /** 100·(e^x − 1): a log change as percent; {@code null} stays. */
    public static Double percent(Double logChange) {
        return logChange == null ? null : 100 * Math.expm1(logChange);
    }

    /**
     * What one signal brings to a score.
     *
     * @param signal            signal key
     * @param dataQuarter       the quarter its data is from (freshness)
     * @param ageInQuarters     how much older than the quarter scored that is
     * @param level             its level L (a share, see levelBasis), {@code null} if none yet
     * @param levelBasis        what L is a share of ({@link LevelBasis#label()})
     * @param anchoredLevel     L re-expressed on the scale of the category's usage survey, when the score anchors
     *                          (method v3 with developer_usage weighted); {@code null} otherwise
     * @param normalisedLevel   N, 0 to 100: of the anchored level when there is one, else of L
     * @param growth            G, year-on-year log growth, {@code null} if none
     * @param weight            the weight asked for
     * @param weightUsed        the effective weight, weight · 0.5^(age / 4): stale data counts less
     * @param popularityShare   its share of the weight in P (weightUsed / Σ weightUsed over signals with a level);
     *                          {@code null} if it has no level or P is {@code null}
     * @param momentumShare     its share of the weight in M, likewise; {@code null} if it has no growth
     * @param trendContribution t_s, such that trendScore = α·50 + Σ t_s; {@code null} when the trend score is
     * @param trend             its multi-year trend (method v4), {@code null} if none; under
     *                          {@link MomentumRule#MULTI_YEAR} momentumShare weighs this, not the growth
     */
    public record SignalContribution(String signal, Quarter dataQuarter, int ageInQuarters, Double level,
                                     String levelBasis, Double anchoredLevel, Double normalisedLevel, Double growth,
                                     double weight, double weightUsed, Double popularityShare, Double momentumShare,
                                     Double trendContribution, LogTrend trend) {
    }

    /** Momentum is scaled by ln 2 in the trend score: doubling in a year is the top. */
    public static final double MOMENTUM_SCALE = Math.log(2);
    /** Stale data counts half as much per this many quarters of age. */
    public static final int STALENESS_HALF_LIFE_QUARTERS = 4;
    /** 0.5^(age / half-life) for the ages data usually has: the same values as Math.pow, looked up per component. */
    private static final double[] DECAY_BY_AGE = new double[4 * STALENESS_HALF_LIFE_QUARTERS];
    private static final Comparator<SignalComponent> BY_SIGNAL = Comparator.comparing(SignalComponent::signal);

    static {
        for (int age = 0; age < DECAY_BY_AGE.length; age++) {
            DECAY_BY_AGE[age] = Math.pow(0.5, (double) age / STALENESS_HALF_LIFE_QUARTERS);
        }
    }

    public Score {
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(confidence, "confidence");
        signals = List.copyOf(signals);
    }

    /** Whether the score has a component of this signal. */
    public boolean hasSignal(String signal) {
        for (SignalContribution contribution : signals) {
            if (contribution.signal().equals(signal)) {
                return true;
            }
        }
        return false;
    }

    /** The trend contribution of a signal, 0 if it has none (absent, unweighted or no trend score). */
    public double trendContributionOf(String signal) {
        for (SignalContribution contribution : signals) {
            if (contribution.signal().equals(signal)) {
                return contribution.trendContribution() == null ? 0 : contribution.trendContribution();
            }
        }
        return 0;
    }

    /**
     * Scores a technology in a quarter, its momentum year on year (methods v1 to v3).
     *
     * @param components     the technology's components in that quarter, at most one per signal; may be empty
     *                       (then every figure is {@code null} and coverage 0, never a made-up score)
     * @param weights        the weight of each signal
     * @param momentumWeight α in [0, 1]
     * @param coverage       what the method counts as coverage
     * @throws IllegalArgumentException if a component is of another technology or quarter, a signal repeats, or α
     *                                  is outside [0, 1]
     */
    public static Score compute(String technology, Quarter quarter, Collection<SignalComponent> components,
                                Weights weights, double momentumWeight, Coverage coverage) {
        return compute(technology, quarter, components, weights, momentumWeight, coverage, MomentumRule.YEAR_ON_YEAR,
                null);
    }

    /**
     * Scores a technology in a quarter by the given momentum rule.
     *
     * @param categoryDisagreement under {@link MomentumRule#MULTI_YEAR}, the category's typical disagreement for a
     *                             figure that rests on one signal ({@link Intervals}); {@code null} when not known yet
     * @see #compute(String, Quarter, Collection, Weights, double, Coverage)
     */
    public static Score compute(String technology, Quarter quarter, Collection<SignalComponent> components,
                                Weights weights, double momentumWeight, Coverage coverage, MomentumRule rule,
                                Intervals categoryDisagreement) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(rule, "rule");
        if (!(momentumWeight >= 0 && momentumWeight <= 1)) { // also refuses NaN
            throw new IllegalArgumentException("momentumWeight must be between 0 and 1, got " + momentumWeight);
        }
        List<SignalComponent> bySignal = sortedAndChecked(technology, quarter, components);
        boolean multiYear = rule == MomentumRule.MULTI_YEAR;

        double popularityWeightSum = 0;
        double popularityWeightedSum = 0;
        double momentumWeightSum = 0;
        double momentumWeightedSum = 0;
        double recentWeightSum = 0;
        double recentWeightedSum = 0;
        double[] weightAsked = new double[bySignal.size()];
        double[] weightUsed = new double[bySignal.size()];
        for (int index = 0; index < bySignal.size(); index++) {
            SignalComponent component = bySignal.get(index);
            weightAsked[index] = weights.weightOf(component.signal());
            weightUsed[index] = effectiveWeight(weightAsked[index], component.ageInQuarters());
            if (weightUsed[index] == 0) {
                continue; // a signal weighted 0 is ignored, so it cannot make P or M exist
            }
            if (component.hasLevel()) {
                popularityWeightSum += weightUsed[index];
                popularityWeightedSum += weightUsed[index] * component.normalisedLevel();
            }
            if (hasMomentum(component, rule)) {
                momentumWeightSum += weightUsed[index];
                momentumWeightedSum += weightUsed[index] * momentumOf(component, rule);
            }
            if (multiYear && component.hasGrowth()) {
                recentWeightSum += weightUsed[index];
                recentWeightedSum += weightUsed[index] * component.growth();
            }
        }
        // Each of P and M renormalises its own weights, so a missing signal does not drag either towards 0.
        Double popularity = popularityWeightSum > 0
                ? clamp(popularityWeightedSum / popularityWeightSum, 0, 100) : null; // clamp only absorbs rounding
        Double momentum = momentumWeightSum > 0 ? momentumWeightedSum / momentumWeightSum : null;
        Double recentChange = recentWeightSum > 0 ? recentWeightedSum / recentWeightSum : null;

        Double trendScore = null;
        double clampShare = 1;
        if (popularity != null && momentum != null) {
            double momentumRatio = momentum / MOMENTUM_SCALE;
            // clampShare (k) scales every signal's momentum term alike, so the clamp is shared in proportion and the
            // contributions still add up to T exactly; k = 1 unless the clamp bites, and M = 0 means no clamp.
            clampShare = momentum == 0 ? 1 : clamp(momentumRatio, -1, 1) / momentumRatio;
            trendScore = trendScore(popularity, momentum, momentumWeight);
        }

        List<SignalContribution> contributions = new ArrayList<>(bySignal.size());
        for (int index = 0; index < bySignal.size(); index++) {
            SignalComponent component = bySignal.get(index);
            boolean inPopularity = component.hasLevel() && popularityWeightSum > 0;
            boolean inMomentum = hasMomentum(component, rule) && momentumWeightSum > 0;
            Double popularityShare = inPopularity ? weightUsed[index] / popularityWeightSum : null;
            Double momentumShare = inMomentum ? weightUsed[index] / momentumWeightSum : null;
            Double trendContribution = null;
            if (trendScore != null) {
                // T = (1−α)·P + α·50 + α·50·k·M/ln 2, and P and M are sums over signals, so
                // t_s = (1−α)·share_P·N + α·50·k·share_M·m_s / ln 2 gives T = α·50 + Σ t_s.
                double popularityPart = inPopularity ? (1 - momentumWeight) * popularityShare
                        * component.normalisedLevel() : 0;
                double momentumPart = inMomentum ? momentumWeight * 50 * clampShare * momentumShare
                        * momentumOf(component, rule) / MOMENTUM_SCALE : 0;
                trendContribution = popularityPart + momentumPart;
            }
            contributions.add(new SignalContribution(component.signal(), component.dataQuarter(),
                    component.ageInQuarters(), component.level(), component.basis().label(), component.anchoredLevel(),
                    component.normalisedLevel(), component.growth(),
                    weightAsked[index], weightUsed[index], popularityShare, momentumShare,
                    trendContribution, component.trend()));
        }
        double covered = coverage.of(contributions, weights);
        int signalsWithData = 0;
        for (SignalComponent component : bySignal) {
            signalsWithData += component.hasLevel() || component.hasGrowth() || component.hasTrend() ? 1 : 0;
        }
        Intervals intervals = multiYear ? intervals(contributions, popularity, momentum, trendScore, momentumWeight,
                categoryDisagreement) : null;
        return new Score(technology, quarter, popularity, momentum, percent(momentum), trendScore, covered,
                Confidence.of(covered, signalsWithData), Stage.of(popularity, momentum), momentumWeight,
                contributions, recentChange, intervals);
    }

    private static boolean hasMomentum(SignalComponent component, MomentumRule rule) {
        return rule == MomentumRule.MULTI_YEAR ? component.hasTrend() : component.hasGrowth();
    }

    private static double momentumOf(SignalComponent component, MomentumRule rule) {
        return rule == MomentumRule.MULTI_YEAR ? component.trend().slope() : component.growth();
    }

    /** T = (1−α)·P + α·(50 + 50·clamp(M / ln 2, −1, 1)), within 0 to 100. */
    static double trendScore(double popularity, double momentum, double momentumWeight) {
        return clamp((1 - momentumWeight) * popularity
                + momentumWeight * (50 + 50 * clamp(momentum / MOMENTUM_SCALE, -1, 1)), 0, 100);
    }

    /** See {@link Intervals}. */
    private static Intervals intervals(List<SignalContribution> signals, Double popularity, Double momentum,
                                       Double trendScore, double momentumWeight, Intervals category) {
        double momentumShareSquares = 0;
        double momentumOwnVariance = 0;
        double momentumSpread = 0;
        int momentumSignals = 0;
        double popularityShareTotal = 0;
        double popularityShareSquares = 0;
        double logMean = 0;
        int popularitySignals = 0;
        for (SignalContribution signal : signals) {
            if (signal.momentumShare() != null && signal.momentumShare() > 0) {
                double share = signal.momentumShare();
                momentumSignals++;
                momentumShareSquares += share * share;
                momentumOwnVariance += share * share * signal.trend().standardError() * signal.trend().standardError();
                momentumSpread += share * (signal.trend().slope() - momentum) * (signal.trend().slope() - momentum);
            }
            if (positiveLevel(signal)) {
                popularitySignals++;
                popularityShareTotal += signal.popularityShare();
                popularityShareSquares += signal.popularityShare() * signal.popularityShare();
                logMean += signal.popularityShare() * Math.log(signal.normalisedLevel());
            }
        }
        // the popularity shares renormalised over the signals with a level above 0 (a level of 0 has no logarithm)
        logMean /= popularityShareTotal;
        double logSpread = 0;
        for (SignalContribution signal : signals) {
            if (positiveLevel(signal)) {
                double deviation = Math.log(signal.normalisedLevel()) - logMean;
                logSpread += signal.popularityShare() * deviation * deviation;
            }
        }
        // τ² = Σ a (x − x̄)² / (1 − Σ a²): the weighted sample variance (Σ (x − x̄)² / (k − 1) for equal weights)
        Double momentumDisagreement = null;
        if (momentumSignals >= 2) {
            momentumDisagreement = momentumSpread / (1 - momentumShareSquares);
        } else if (category != null) {
            momentumDisagreement = category.momentumDisagreement();
        }
        Double popularityDisagreement = null;
        if (popularitySignals >= 2) {
            double squares = popularityShareSquares / (popularityShareTotal * popularityShareTotal);
            popularityDisagreement = logSpread / popularityShareTotal / (1 - squares);
        } else if (category != null) {
            popularityDisagreement = category.popularityDisagreement();
        }

        Interval momentumInterval = null;
        if (momentum != null) {
            double variance = momentumOwnVariance + momentumShareSquares
                    * (momentumDisagreement == null ? 0 : momentumDisagreement);
            double half = Intervals.Z * Math.sqrt(variance);
            momentumInterval = new Interval(momentum - half, momentum + half);
        }
        Interval popularityInterval = null;
        if (popularity != null) {
            double squares = popularitySignals == 0 ? 1
                    : popularityShareSquares / (popularityShareTotal * popularityShareTotal);
            double half = Intervals.Z * Math.sqrt(squares
                    * (popularityDisagreement == null ? 0 : popularityDisagreement));
            popularityInterval = new Interval(popularity * Math.exp(-half), Math.min(100, popularity * Math.exp(half)));
        }
        Interval trendInterval = null;
        if (trendScore != null) {
            // independent errors: the root of the summed squares of each figure's own swing of T
            double down = Math.hypot(trendScore - trendScore(popularityInterval.low(), momentum, momentumWeight),
                    trendScore - trendScore(popularity, momentumInterval.low(), momentumWeight));
            double up = Math.hypot(trendScore(popularityInterval.high(), momentum, momentumWeight) - trendScore,
                    trendScore(popularity, momentumInterval.high(), momentumWeight) - trendScore);
            trendInterval = new Interval(Math.max(0, trendScore - down), Math.min(100, trendScore + up));
        }
        return new Intervals(popularityInterval, momentumInterval, trendInterval, momentumSignals,
                momentumDisagreement, popularitySignals, popularityDisagreement);
    }

    private static boolean positiveLevel(SignalContribution signal) {
        return signal.popularityShare() != null && signal.popularityShare() > 0 && signal.normalisedLevel() > 0;
    }

    /** w · 0.5^(age / half-life): data a half-life old counts half. */
    static double effectiveWeight(double weight, int ageInQuarters) {
        return weight * (ageInQuarters < DECAY_BY_AGE.length ? DECAY_BY_AGE[ageInQuarters]
                : Math.pow(0.5, (double) ageInQuarters / STALENESS_HALF_LIFE_QUARTERS));
    }

    private static List<SignalComponent> sortedAndChecked(String technology, Quarter quarter,
                                                          Collection<SignalComponent> components) {
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(quarter, "quarter");
        List<SignalComponent> sorted = new ArrayList<>(components);
        sorted.sort(BY_SIGNAL);
        for (int index = 0; index < sorted.size(); index++) {
            SignalComponent component = sorted.get(index);
            if (!component.technology().equals(technology) || !component.quarter().equals(quarter)) {
                throw new IllegalArgumentException("component of " + component.technology() + " in "
                        + component.quarter() + " passed to the score of " + technology + " in " + quarter);
            }
            if (index > 0 && sorted.get(index - 1).signal().equals(component.signal())) {
                throw new IllegalArgumentException("two components of signal " + component.signal() + " for "
                        + technology + " in " + quarter);
            }
        }
        return sorted;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
