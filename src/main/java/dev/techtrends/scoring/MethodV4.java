package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Method v4: v3's popularity, with momentum as a multi-year trend and an interval on every figure.
 * <ol>
 *   <li><b>Momentum</b> is the weighted mean of each signal's {@link LogTrend}: the robust slope of its log share over
 *   the last {@value ComponentsV4#WINDOW_YEARS} years ({@link ComponentsV4}), never across a series break. One-year
 *   change in this field is mostly noise (consecutive survey editions' changes do not predict each other); a
 *   multi-year slope does. The one-year change stays as {@code recentChange}, so that a turn shows.</li>
 *   <li><b>Intervals</b> on popularity, momentum and trend score from the disagreement between the signals
 *   ({@link Score.Intervals}), hence rank ranges and tiers ({@link Ranking.Placing}), and a direction: rising or fading
 *   only when the momentum's whole interval lies on that side of 0, else steady.</li>
 * </ol>
 * Levels, anchoring, presets, the default asOf, coverage, P, T, stages (on the new momentum) and "why it moved"
 * (adding up exactly) are v3's.
 */
public final class MethodV4 implements ScoringMethod {

    public static final MethodV4 INSTANCE = new MethodV4();

    private static final Coverage COVERAGE = Coverage.ofWeightUsed();

    private MethodV4() {
    }

    @Override
    public String version() {
        return "v4";
    }

    @Override
    public List<Preset> presets() {
        return MethodV3.PRESETS;
    }

    @Override
    public double defaultMomentumWeight() {
        return MethodV1.DEFAULT_MOMENTUM_WEIGHT;
    }

    @Override
    public Optional<Quarter> defaultAsOf(Collection<Observation> observations) {
        return MethodV3.INSTANCE.defaultAsOf(observations);
    }

    @Override
    public List<SignalComponent> components(Set<String> categoryTechnologies, Collection<Observation> observations,
                                            Quarter lastQuarter) {
        return ComponentsV4.compute(categoryTechnologies, observations, lastQuarter);
    }

    /** A technology scored alone: intervals of a figure on one signal wait for the category (see scoreCategory). */
    @Override
    public Score score(String technology, Quarter quarter, Collection<SignalComponent> components, Weights weights,
                       double momentumWeight) {
        return score(technology, quarter, components, weights, momentumWeight, null);
    }

    /**
     * Every technology scored with its own disagreement, then those whose popularity or momentum rests on one signal
     * again with the category's typical disagreement: the median, over the technologies with two signals or more, of
     * their τ².
     */
    @Override
    public List<Score> scoreCategory(Collection<String> technologies, Quarter quarter,
                                     Map<String, List<SignalComponent>> componentsByTechnology, Weights weights,
                                     double momentumWeight) {
        List<Score> scores = ScoringMethod.super.scoreCategory(technologies, quarter, componentsByTechnology, weights,
                momentumWeight);
        List<Double> momentumDisagreements = new ArrayList<>();
        List<Double> popularityDisagreements = new ArrayList<>();
        for (Score score : scores) {
            Score.Intervals intervals = score.intervals();
            if (intervals.momentumSignals() >= 2) {
                momentumDisagreements.add(intervals.momentumDisagreement());
            }
            if (intervals.popularitySignals() >= 2) {
                popularityDisagreements.add(intervals.popularityDisagreement());
            }
        }
        Score.Intervals category = new Score.Intervals(null, null, null, 0,
                momentumDisagreements.isEmpty() ? null : ComponentsV3.median(momentumDisagreements), 0,
                popularityDisagreements.isEmpty() ? null : ComponentsV3.median(popularityDisagreements));
        List<Score> withCategory = new ArrayList<>(scores.size());
        for (Score score : scores) {
            withCategory.add(score.intervals().ownDisagreement() ? score : score(score.technology(), quarter,
                    componentsByTechnology.getOrDefault(score.technology(), List.of()), weights, momentumWeight,
                    category));
        }
        return withCategory;
    }

    private static Score score(String technology, Quarter quarter, Collection<SignalComponent> components,
                               Weights weights, double momentumWeight, Score.Intervals category) {
        boolean anchored = weights.weightOf(ComponentsV3.USAGE_SIGNAL) > 0;
        List<SignalComponent> scored = new ArrayList<>(components.size());
        for (SignalComponent component : components) {
            scored.add(component.scoredWith(anchored));
        }
        return Score.compute(technology, quarter, scored, weights, momentumWeight, COVERAGE,
                Score.MomentumRule.MULTI_YEAR, category);
    }

    @Override
    public SignalComponent asScored(SignalComponent component, Weights weights) {
        return MethodV3.INSTANCE.asScored(component, weights);
    }

    @Override
    public MethodDescription description() {
        MethodDescription v3 = MethodV3.INSTANCE.description();
        Map<String, Object> parameters = new LinkedHashMap<>(v3.parameters());
        parameters.put("version", version());
        parameters.remove("growthLagQuarters");
        parameters.remove("growthClamp");
        parameters.put("trendWindowYears", ComponentsV4.WINDOW_YEARS);
        parameters.put("trendMinQuarters", ComponentsV4.MIN_QUARTERS);
        parameters.put("trendMinEditions", ComponentsV4.MIN_EDITIONS);
        parameters.put("trendMinSpanYears", ComponentsV4.MIN_SPAN_YEARS);
        parameters.put("recentChangeLagQuarters", Components.GROWTH_LAG_QUARTERS);
        parameters.put("intervalZ", Score.Intervals.Z);
        parameters.put("intervalCoverage", 0.9);
        List<String> formulas = new ArrayList<>();
        for (String formula : v3.formulas()) {
            if (formula.startsWith("Popularity P")) {
                formulas.add(MOMENTUM);
                formulas.add(formula.replace("Momentum M = sum(w * G) / sum(w) over signals with a growth",
                        "Momentum M = sum(w * b) / sum(w) over signals with a trend b"));
                formulas.add(RECENT_CHANGE);
                formulas.add(INTERVALS);
            } else if (formula.startsWith("Stage,")) {
                formulas.add(formula + " Stages read the multi-year momentum.");
                formulas.add(DIRECTION);
                formulas.add(PLACING);
            } else {
                formulas.add(formula);
            }
        }
        List<String> caveats = new ArrayList<>(v3.caveats());
        caveats.remove(MethodV1.MOMENTUM_CAVEAT);
        caveats.add("A technology needs two years of data in its window (eight quarters, or three survey editions) "
                + "before a signal has a trend, and so a momentum and a trend score.");
        caveats.add("Intervals read the signals' disagreement, not every error: signals that err alike (all of them "
                + "counting one ecosystem's habits) look certain together, and a quarterly series' own error is "
                + "understated where its quarters move together.");
        return new MethodDescription(formulas, parameters, caveats);
    }

    static final String MOMENTUM = "Trend b[s,i,q]: the Theil-Sen slope (the median of the slopes between every two "
            + "points) of ln x against time in years, over the " + ComponentsV4.WINDOW_YEARS + " years up to the "
            + "signal's newest data: quarterly (monthly signals as quarterly means), each x divided by the summed x of "
            + "the window's trend basis (the category's technologies with x above 0 in every quarter of the window "
            + "with data), at least " + ComponentsV4.MIN_QUARTERS + " points; yearly (survey editions, as published, "
            + "each from its publication quarter), at least " + ComponentsV4.MIN_EDITIONS + " editions; both spanning "
            + "at least " + ComponentsV4.MIN_SPAN_YEARS + " years and never reaching back across a series break. Its "
            + "standard error se = sqrt(sum r^2 / (n - 2)) / sqrt(sum (t - mean t)^2), r the residuals.";
    static final String RECENT_CHANGE = "Recent change: sum(w * G) / sum(w) over signals with a growth G = ln(L / L "
            + "a year before) (v3's momentum), as recentChangePct = 100 * (e^recent - 1): where it differs from the "
            + "momentum, the technology is turning.";
    static final String INTERVALS = "Intervals, from the disagreement between signals: with a the momentum shares, "
            + "tau^2 = sum(a * (b - M)^2) / (1 - sum(a^2)) and Var(M) = sum(a^2 * (se^2 + tau^2)); popularity likewise "
            + "on ln N (no own error: levels are means of large samples), P * exp(+-h). A figure on one signal takes "
            + "the category's median tau^2 of that quarter (over technologies with two signals or more). Intervals "
            + "are +-1.645 standard errors (90 %); the trend score's combines those of P and M as independent errors, "
            + "each side the root of the summed squares of T's swing with P and with M.";
    static final String DIRECTION = "Direction: rising when the whole momentum interval lies above 0, fading when it "
            + "lies below 0, steady otherwise. Movers list only the rising or only the fading.";
    static final String PLACING = "Rank range: best = 1 + the number whose whole interval lies above this one's, worst "
            + "= 1 + the number whose interval reaches above its low end. Tiers, down the ranking: the first opens "
            + "tier 1, and each next one joins the open tier while its interval overlaps that of the tier's first, "
            + "else opens the next.";
}
