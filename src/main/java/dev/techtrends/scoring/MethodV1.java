package dev.techtrends.scoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scoring method v1 (DESIGN §3): trailing-year levels normalised to the category's leader, year-on-year growth,
 * stale signals decayed, popularity and momentum blended into the trend score. The default asOf is the newest
 * quarter for which any signal has complete data; coverage is the share of the default weights whose signals have
 * data.
 */
public final class MethodV1 implements ScoringMethod {

    public static final MethodV1 INSTANCE = new MethodV1();

    /** The default lens: usage on GitHub and interest from searches and questions. */
    public static final Weights BALANCED = new Weights(Map.of(
            "github_topic_developers", 0.30,
            "github_language_developers", 0.30,
            "search_interest", 0.20,
            "qa_questions", 0.20,
            "job_postings", 0.0));

    /** The presets of v1 (and v2), default first. */
    static final List<Preset> PRESETS = List.of(
            new Preset("balanced", "Usage on GitHub and interest from searches and questions (the default).",
                    BALANCED),
            new Preset("developers", "What developers build with: the two GitHub signals.", new Weights(Map.of(
                    "github_topic_developers", 0.5,
                    "github_language_developers", 0.5))),
            new Preset("learners", "What people learn and ask about: search interest and Q&A questions.",
                    new Weights(Map.of(
                            "search_interest", 0.5,
                            "qa_questions", 0.5))),
            new Preset("jobs", "Startup hiring demand, a different lens from usage (which is why it is not in the "
                    + "default).", new Weights(Map.of(
                    "job_postings", 1.0))));

    /** The default α: half how big it is, half how fast it grows. */
    public static final double DEFAULT_MOMENTUM_WEIGHT = 0.5;

    private static final Coverage COVERAGE = Coverage.ofDefaultWeights(BALANCED);

    private MethodV1() {
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public List<Preset> presets() {
        return PRESETS;
    }

    @Override
    public double defaultMomentumWeight() {
        return DEFAULT_MOMENTUM_WEIGHT;
    }

    /** The newest quarter for which any signal has complete data; empty without data. */
    @Override
    public Optional<Quarter> defaultAsOf(Collection<Observation> observations) {
        return Components.newestCompleteQuarter(observations);
    }

    @Override
    public List<SignalComponent> components(Set<String> categoryTechnologies, Collection<Observation> observations,
                                            Quarter lastQuarter) {
        return Components.compute(categoryTechnologies, observations, lastQuarter);
    }

    @Override
    public Score score(String technology, Quarter quarter, Collection<SignalComponent> components, Weights weights,
                       double momentumWeight) {
        return Score.compute(technology, quarter, components, weights, momentumWeight, COVERAGE);
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(formulas(defaultPreset(), "The default asOf is the newest quarter for which any "
                        + "signal has complete data.",
                "Coverage = the share of the default weight whose signals are present; confidence is low below "
                        + "0.25, medium below 0.6, high otherwise."),
                parameters(this),
                List.of(
                        "The default asOf follows the freshest source (PYPL search, monthly); sources that end earlier "
                                + "count with decayed weight and drop out after 8 quarters, so some categories rest "
                                + "on one signal.",
                        NORMALISATION_CAVEAT, MOMENTUM_CAVEAT, KEYWORD_CAVEAT));
    }

    static final String NORMALISATION_CAVEAT = "Normalised levels are relative to each category's leader on each "
            + "signal: a single-technology category always has popularity 100.";
    static final String MOMENTUM_CAVEAT = "A technology needs about seven quarters of data before it has a momentum "
            + "and so a trend score.";
    static final String KEYWORD_CAVEAT = "Shares of keyword-matched or self-labelled data (job postings, repository "
            + "topics) over- or under-count ambiguous names; see each source's provenance.";

    /**
     * The formulas of the quarterly methods in words, with the default preset's weights and the method's own rules
     * for the default asOf and coverage.
     */
    static List<String> formulas(Preset defaults, String asOfRule, String coverageRule) {
        String weights = defaults.weights().bySignal().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + String.format(Locale.ROOT, "%.2f", entry.getValue()))
                .collect(Collectors.joining(", "));
        return List.of(
                "Scores are computed per quarter and per category. " + asOfRule,
                "x[s,i,q]: the value of signal s for technology i in quarter q, a share of the source's universe in "
                        + "that period; a monthly signal's quarter is the mean of its three months, and a quarter with "
                        + "a missing month is missing.",
                "Level L[s,i,q] = mean of x over q-3..q (the trailing year), given at least 3 of those 4 quarters.",
                "Normalised level N[s,i,q] = 100 * L[s,i,q] / max over the category's technologies of L[s,j,q]: the "
                        + "category leader on each signal is 100.",
                "Growth G[s,i,q] = ln(L[s,i,q] / L[s,i,q-4]), clamped to [-1, 1].",
                "Weights: preset " + defaults.name() + " = " + weights + ". A signal whose newest data is a "
                        + "quarters older than q counts with weight w * 0.5^(a/4), its last level and growth carried "
                        + "forward, and not at all when a > 8.",
                "Popularity P = sum(w * N) / sum(w) over signals with a level (0-100). Momentum M = sum(w * G) / "
                        + "sum(w) over signals with a growth; momentumPct = 100 * (e^M - 1), percent per year.",
                "Trend score T = (1 - a) * P + a * (50 + 50 * clamp(M / ln 2, -1, 1)) with a = momentumWeight = 0.5 "
                        + "by default: half how big it is, half how fast it grows, doubling in a year being the top. "
                        + "No trend score without a momentum.",
                coverageRule,
                "Changes: every figure against the previous quarter and a year ago; rank change = rank then - rank "
                        + "now. Why it moved: T = a*50 + sum over signals of t_s, with t_s = (1-a) * w_s*N_s/sum(w) + "
                        + "a*50*k*(w_s*G_s/sum(w))/ln 2, where k spreads the clamp of M proportionally; the changes "
                        + "of t_s add up exactly to the change of T.",
                "Stage, derived from the data, first match wins: adopt (P >= 50 and M >= ln 0.9), trial (M >= ln "
                        + "1.15), assess (M >= 0), hold (otherwise). No stage without a momentum.",
                "The overall ranking across categories sorts the technologies' trend scores, each computed within its "
                        + "own category.");
    }

    /** The parameters every quarterly method publishes, by name. */
    static Map<String, Object> parameters(ScoringMethod method) {
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("adoptMinPopularity", Stage.ADOPT_MIN_POPULARITY);
        stages.put("adoptMinMomentum", Stage.ADOPT_MIN_MOMENTUM);
        stages.put("trialMinMomentum", Stage.TRIAL_MIN_MOMENTUM);
        stages.put("assessMinMomentum", Stage.ASSESS_MIN_MOMENTUM);
        Map<String, Object> confidence = new LinkedHashMap<>();
        confidence.put("lowBelowCoverage", Confidence.LOW_BELOW);
        confidence.put("lowBelowSignals", Confidence.LOW_BELOW_SIGNALS);
        confidence.put("mediumBelowCoverage", Confidence.MEDIUM_BELOW);
        Map<String, Object> presets = new LinkedHashMap<>();
        method.presets().forEach(preset -> presets.put(preset.name(), preset.weights().bySignal()));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("version", method.version());
        parameters.put("levelWindowQuarters", Components.LEVEL_WINDOW_QUARTERS);
        parameters.put("levelMinQuarters", Components.LEVEL_MIN_QUARTERS);
        parameters.put("growthLagQuarters", Components.GROWTH_LAG_QUARTERS);
        parameters.put("growthClamp", Components.GROWTH_CLAMP);
        parameters.put("momentumScale", Score.MOMENTUM_SCALE);
        parameters.put("defaultMomentumWeight", method.defaultMomentumWeight());
        parameters.put("stalenessHalfLifeQuarters", Score.STALENESS_HALF_LIFE_QUARTERS);
        parameters.put("maxAgeQuarters", Components.MAX_AGE_QUARTERS);
        parameters.put("defaultPreset", method.defaultPreset().name());
        parameters.put("presets", presets);
        parameters.put("stageThresholds", stages);
        parameters.put("confidenceThresholds", confidence);
        return parameters;
    }
}
