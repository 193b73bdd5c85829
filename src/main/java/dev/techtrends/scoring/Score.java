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
 * @param momentum       M = Σ w·G / Σ w over weighted signals with a growth (year-on-year log growth);
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
 */
public record Score(String technology, Quarter quarter, Double popularity, Double momentum, Double momentumPct,
                    Double trendScore, double coverage, Confidence confidence, Stage stage, double momentumWeight,
                    List<SignalContribution> signals) {

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
     */
    public record SignalContribution(String signal, Quarter dataQuarter, int ageInQuarters, Double level,
                                     String levelBasis, Double anchoredLevel, Double normalisedLevel, Double growth,
                                     double weight, double weightUsed, Double popularityShare, Double momentumShare,
                                     Double trendContribution) {
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
     * Scores a technology in a quarter.
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
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(coverage, "coverage");
        if (!(momentumWeight >= 0 && momentumWeight <= 1)) { // also refuses NaN
            throw new IllegalArgumentException("momentumWeight must be between 0 and 1, got " + momentumWeight);
        }
        List<SignalComponent> bySignal = sortedAndChecked(technology, quarter, components);

        double popularityWeightSum = 0;
        double popularityWeightedSum = 0;
        double momentumWeightSum = 0;
        double momentumWeightedSum = 0;
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
            if (component.hasGrowth()) {
                momentumWeightSum += weightUsed[index];
                momentumWeightedSum += weightUsed[index] * component.growth();
            }
        }
        // Each of P and M renormalises its own weights, so a missing signal does not drag either towards 0.
        Double popularity = popularityWeightSum > 0
                ? clamp(popularityWeightedSum / popularityWeightSum, 0, 100) : null; // clamp only absorbs rounding
        Double momentum = momentumWeightSum > 0 ? momentumWeightedSum / momentumWeightSum : null;
        Double momentumPct = momentum == null ? null : 100 * Math.expm1(momentum);

        Double trendScore = null;
        double clampedRatio = 0;
        double clampShare = 1;
        if (popularity != null && momentum != null) {
            double momentumRatio = momentum / MOMENTUM_SCALE;
            clampedRatio = clamp(momentumRatio, -1, 1);
            // clampShare (k) scales every signal's momentum term alike, so the clamp is shared in proportion and the
            // contributions still add up to T exactly; k = 1 unless the clamp bites, and M = 0 means no clamp.
            clampShare = momentum == 0 ? 1 : clampedRatio / momentumRatio;
            trendScore = clamp((1 - momentumWeight) * popularity + momentumWeight * (50 + 50 * clampedRatio), 0, 100);
        }

        List<SignalContribution> contributions = new ArrayList<>(bySignal.size());
        for (int index = 0; index < bySignal.size(); index++) {
            SignalComponent component = bySignal.get(index);
            boolean inPopularity = component.hasLevel() && popularityWeightSum > 0;
            boolean inMomentum = component.hasGrowth() && momentumWeightSum > 0;
            Double popularityShare = inPopularity ? weightUsed[index] / popularityWeightSum : null;
            Double momentumShare = inMomentum ? weightUsed[index] / momentumWeightSum : null;
            Double trendContribution = null;
            if (trendScore != null) {
                // T = (1−α)·P + α·50 + α·50·k·M/ln 2, and P and M are sums over signals, so
                // t_s = (1−α)·share_P·N + α·50·k·share_M·G / ln 2 gives T = α·50 + Σ t_s.
                double popularityPart = inPopularity ? (1 - momentumWeight) * popularityShare
                        * component.normalisedLevel() : 0;
                double momentumPart = inMomentum ? momentumWeight * 50 * clampShare * momentumShare
                        * component.growth() / MOMENTUM_SCALE : 0;
                trendContribution = popularityPart + momentumPart;
            }
            contributions.add(new SignalContribution(component.signal(), component.dataQuarter(),
                    component.ageInQuarters(), component.level(), component.basis().label(), component.anchoredLevel(),
                    component.normalisedLevel(), component.growth(),
                    weightAsked[index], weightUsed[index], popularityShare, momentumShare,
                    trendContribution));
        }
        double covered = coverage.of(contributions, weights);
        int signalsWithData = 0;
        for (SignalComponent component : bySignal) {
            signalsWithData += component.hasLevel() || component.hasGrowth() ? 1 : 0;
        }
        return new Score(technology, quarter, popularity, momentum, momentumPct, trendScore, covered,
                Confidence.of(covered, signalsWithData), Stage.of(popularity, momentum), momentumWeight,
                contributions);
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
