package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Method v3: v2's rules on {@link ComponentsV3}'s components (category basis, yearly usage, anchoring), with
 * developers' reported usage carrying half of the default weight. Its record against survey editions it did not
 * see is published at /api/v1/methodology/validation.
 */
public final class MethodV3 implements ScoringMethod {

    public static final MethodV3 INSTANCE = new MethodV3();

    /** The default lens: what developers report using, corrected and brought up to date by the live signals. */
    public static final Weights BALANCED = new Weights(Map.of(
            ComponentsV3.USAGE_SIGNAL, 0.50,
            "github_topic_developers", 0.15,
            "github_language_developers", 0.15,
            "search_interest", 0.10,
            "qa_questions", 0.10,
            "job_postings", 0.0));

    static final List<Preset> PRESETS = List.of(
            new Preset("balanced", "Developers' reported usage (half), brought up to date by GitHub activity, "
                    + "searches and questions, each on the survey's scale (the default).", BALANCED),
            new Preset("usage", "Developers' reported usage alone: the Stack Overflow Developer Survey, yearly.",
                    new Weights(Map.of(ComponentsV3.USAGE_SIGNAL, 1.0))),
            new Preset("developers", "What developers build with on GitHub: the two GitHub signals, within the "
                    + "category, not anchored to the survey.", new Weights(Map.of(
                    "github_topic_developers", 0.5,
                    "github_language_developers", 0.5))),
            new Preset("learners", "What people learn and ask about: search interest and Q&A questions.",
                    new Weights(Map.of(
                            "search_interest", 0.5,
                            "qa_questions", 0.5))),
            new Preset("jobs", "Startup hiring demand, a different lens from usage.", new Weights(Map.of(
                    "job_postings", 1.0))));

    /**
     * A yearly value stands for this many quarters from its publication when the default asOf is chosen: an edition
     * is the newest usage data until the next one is published a year later.
     */
    public static final int YEARLY_FRESH_QUARTERS = 3;

    private static final Coverage COVERAGE = Coverage.ofWeightUsed();

    private MethodV3() {
    }

    @Override
    public String version() {
        return "v3";
    }

    /** 2: the established set fixed per quarter scored; anchoring keeps the calibration of its data's time. */
    @Override
    public String revision() {
        return "2";
    }

    @Override
    public List<Preset> presets() {
        return PRESETS;
    }

    @Override
    public double defaultMomentumWeight() {
        return MethodV1.DEFAULT_MOMENTUM_WEIGHT;
    }

    /**
     * v2's rule (the newest quarter in which signals carrying at least half of the default weight have complete
     * data), where a yearly signal's data reaches {@value #YEARLY_FRESH_QUARTERS} quarters past its publication.
     */
    @Override
    public Optional<Quarter> defaultAsOf(Collection<Observation> observations) {
        Map<String, Quarter> newestBySignal = MethodV2.newestCompleteBySignal(observations);
        for (Observation observation : observations) {
            if (observation.granularity() == Granularity.YEAR) {
                newestBySignal.merge(observation.signal(), observation.publishedIn().plus(YEARLY_FRESH_QUARTERS),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return MethodV2.newestWithHalfTheWeight(newestBySignal, defaultPreset().weights());
    }

    @Override
    public List<SignalComponent> components(Set<String> categoryTechnologies, Collection<Observation> observations,
                                            Quarter lastQuarter) {
        return ComponentsV3.compute(categoryTechnologies, observations, lastQuarter);
    }

    /**
     * v2's score, on anchored levels when usage is weighted: a lens without usage (developers, learners, jobs)
     * compares the technologies on its own signals, not on the survey's scale.
     */
    @Override
    public Score score(String technology, Quarter quarter, Collection<SignalComponent> components, Weights weights,
                       double momentumWeight) {
        boolean anchored = anchors(weights);
        List<SignalComponent> scored = new ArrayList<>(components.size());
        for (SignalComponent component : components) {
            scored.add(component.scoredWith(anchored));
        }
        return Score.compute(technology, quarter, scored, weights, momentumWeight, COVERAGE);
    }

    @Override
    public SignalComponent asScored(SignalComponent component, Weights weights) {
        return component.scoredWith(anchors(weights));
    }

    /** Levels are read on the usage survey's scale whenever usage is weighted. */
    private static boolean anchors(Weights weights) {
        return weights.weightOf(ComponentsV3.USAGE_SIGNAL) > 0;
    }

    @Override
    public MethodDescription description() {
        Map<String, Object> parameters = MethodV1.parameters(this);
        parameters.put("defaultAsOfMinWeightShare", MethodV2.DEFAULT_AS_OF_MIN_WEIGHT_SHARE);
        parameters.put("yearlyFreshQuarters", YEARLY_FRESH_QUARTERS);
        parameters.put("coverage", "weight used (after staleness decay) / weight asked");
        parameters.put("usageSignal", ComponentsV3.USAGE_SIGNAL);
        parameters.put("establishedQuarters", ComponentsV3.ESTABLISHED_QUARTERS);
        parameters.put("minEstablished", ComponentsV3.MIN_ESTABLISHED);
        Map<String, String> bases = new LinkedHashMap<>();
        for (LevelBasis basis : LevelBasis.values()) {
            bases.put(basis.label(), basis.description());
        }
        parameters.put("levelBases", bases);
        List<String> formulas = new ArrayList<>(MethodV1.formulas(defaultPreset(),
                "The default asOf is the newest quarter in which signals carrying at least half of the default weight "
                        + "have complete data; a survey edition counts as data until " + YEARLY_FRESH_QUARTERS
                        + " quarters after its publication.",
                "Coverage = the weight used after staleness decay, over signals with a level, divided by the weight "
                        + "asked for; confidence is low below 0.25, medium below 0.6, high otherwise."));
        formulas.add(2, "Category basis: for each quarter q, x[s,i,p] over q-7..q (the quarters its level and growth "
                + "need) is divided by the sum, in the same quarter p, of x[s,j,p] over the category's technologies "
                + "established at q (a value above 0 in each quarter of q-7..q in which the signal has data). A "
                + "fashion outside the category (AI topics enlarging GitHub's universe) and a change of the set's "
                + "membership move no technology inside it. With fewer than " + ComponentsV3.MIN_ESTABLISHED
                + " established technologies there is no level (a share of one says nothing).");
        formulas.add(3, "Yearly usage (developer_usage, the Stack Overflow Developer Survey): an edition counts from "
                + "the quarter it was published in (July of its year), its level the percent of respondents who used "
                + "the technology, its growth ln(edition / previous edition), clamped to [-1, 1], none across a "
                + "series break (the survey changed the item's label or question) or a missing edition.");
        formulas.add(4, "Anchoring: where the category has usage data, another signal's level L is re-expressed on "
                + "the survey's scale as A = U * exp(clamp(ln(L / L_c), -1, 1)), U the technology's usage and L_c "
                + "the signal's level in the quarter before that edition was published (its calibration); a "
                + "technology without one gets A = median over calibrated technologies of (U / L_c) * L. N is "
                + "then 100 * A / max A. Anchored levels are used whenever developer_usage has a weight above 0; "
                + "growths are never anchored.");
        return new MethodDescription(formulas, parameters, List.of(
                "The survey is self-selected (Stack Overflow's audience) and yearly: a usage level can be up to "
                        + "five quarters old, and the other signals carry it forward.",
                "Survey items change between editions (labels, questions): growth is not computed across a break, "
                        + "and 2022 is of lower confidence (see the source's provenance).",
                MethodV1.MOMENTUM_CAVEAT, MethodV1.KEYWORD_CAVEAT));
    }
}
