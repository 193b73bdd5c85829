package dev.techtrends.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A version of the scoring method: everything that decides a score, behind one type, so that every version is
 * computed, stored and published the same way. Implementations are pure (no I/O, no clock, no framework) and
 * registered in {@link ScoringMethods}.
 * <ol>
 *   <li>{@link #components}: observations of a category → per signal and quarter a level, a normalised level and a
 *   growth (what is stored, and what custom weights are recomputed from);</li>
 *   <li>{@link #score}: one technology's components in a quarter + weights + momentum weight → its score;</li>
 *   <li>{@link Ranking}: the scores of a category → ranks, changes and why each technology moved.</li>
 * </ol>
 */
public interface ScoringMethod {

    /** What users pass as {@code method=}, e.g. {@code v1}. */
    String version();

    /**
     * Which implementation of this version computed stored scores: a change to the code that changes results (a
     * fix before the version is published) bumps it, and the stored scores are recomputed in full at the next
     * start. Published versions never change results, so theirs stays.
     */
    default String revision() {
        return "1";
    }

    /** The weight lenses users may ask for, the default first. */
    List<Preset> presets();

    /** α, the share of the trend score that momentum decides, unless asked otherwise. */
    double defaultMomentumWeight();

    /** The quarter answers default to; empty without data. */
    Optional<Quarter> defaultAsOf(Collection<Observation> observations);

    /**
     * Stage 1 for one category, for every quarter up to {@code lastQuarter}; data after it is ignored, so a past
     * quarter can be reproduced.
     *
     * @throws IllegalArgumentException if an observation is of a technology outside the category
     */
    List<SignalComponent> components(Set<String> categoryTechnologies, Collection<Observation> observations,
                                     Quarter lastQuarter);

    /**
     * Stage 2: the score of a technology in a quarter from its components there (at most one per signal; none
     * gives a score without figures and coverage 0, never a made-up one).
     */
    Score score(String technology, Quarter quarter, Collection<SignalComponent> components, Weights weights,
                double momentumWeight);

    /**
     * A component as a score with these weights reads it (v3: with its level on the usage survey's scale when usage
     * is weighted), for views that show components next to scores.
     */
    default SignalComponent asScored(SignalComponent component, Weights weights) {
        return component;
    }

    /** The method in words, its parameters and its caveats. */
    MethodDescription description();

    /** The default preset. */
    default Preset defaultPreset() {
        return presets().get(0);
    }

    /**
     * The preset with this name.
     *
     * @throws IllegalArgumentException naming the known presets, if there is none by that name
     */
    default Preset preset(String name) {
        for (Preset preset : presets()) {
            if (preset.name().equals(name == null ? null : name.strip())) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; known presets: "
                + String.join(", ", presets().stream().map(Preset::name).toList()));
    }

    /**
     * Stage 2 for every technology of a category in one quarter (components of other quarters are skipped);
     * a technology without components gets a score with no figures and coverage 0.
     *
     * @return scores sorted by technology
     */
    default List<Score> scores(Set<String> categoryTechnologies, Quarter quarter,
                               Collection<SignalComponent> components, Weights weights, double momentumWeight) {
        Map<String, List<SignalComponent>> byTechnology = new HashMap<>();
        for (SignalComponent component : components) {
            if (!component.quarter().equals(quarter)) {
                continue;
            }
            if (!categoryTechnologies.contains(component.technology())) {
                throw new IllegalArgumentException("component of '" + component.technology()
                        + "' passed, but it is not one of the category's technologies " + categoryTechnologies);
            }
            byTechnology.computeIfAbsent(component.technology(), t -> new ArrayList<>()).add(component);
        }
        return scoreCategory(sorted(categoryTechnologies), quarter, byTechnology, weights, momentumWeight);
    }

    /**
     * Stage 2 for a category's technologies in one quarter, each with its components there: each scored alone,
     * unless the method lets a technology's score depend on its category (v4's intervals of single-signal scores).
     *
     * @param technologies the category's technologies, in slug order
     * @return scores in that order
     */
    default List<Score> scoreCategory(Collection<String> technologies, Quarter quarter,
                                      Map<String, List<SignalComponent>> componentsByTechnology, Weights weights,
                                      double momentumWeight) {
        List<Score> scores = new ArrayList<>(technologies.size());
        for (String technology : technologies) {
            scores.add(score(technology, quarter, componentsByTechnology.getOrDefault(technology, List.of()), weights,
                    momentumWeight));
        }
        return scores;
    }

    /**
     * Stage 2 for every technology of a category in every quarter that has components, grouping them once: what a
     * full recompute or a history needs.
     */
    default NavigableMap<Quarter, List<Score>> scoresByQuarter(Set<String> categoryTechnologies,
                                                               Collection<SignalComponent> components,
                                                               Weights weights, double momentumWeight) {
        Map<Quarter, List<SignalComponent>> byQuarter = new HashMap<>();
        for (SignalComponent component : components) {
            byQuarter.computeIfAbsent(component.quarter(), q -> new ArrayList<>()).add(component);
        }
        NavigableMap<Quarter, List<Score>> scores = new TreeMap<>();
        byQuarter.forEach((quarter, ofQuarter) ->
                scores.put(quarter, scores(categoryTechnologies, quarter, ofQuarter, weights, momentumWeight)));
        return scores;
    }

    /**
     * Stages 2 and 3: the ranking of a category in asOf, with changes against asOf − 1 and asOf − 4, from
     * components alone (this is how custom weights are served).
     */
    default List<Ranking.Entry> ranking(Set<String> categoryTechnologies, Quarter asOf,
                                        Collection<SignalComponent> components, Weights weights,
                                        double momentumWeight, ScoreOrder order) {
        return rank(categoryTechnologies, asOf, components, weights, momentumWeight, order, true);
    }

    /**
     * Stages 2 and 3 as lists show them: ranks, deltas and rank changes against asOf − 1 only, with neither the
     * year-ago comparison nor the split of changes by signal (whyItMoved is empty).
     */
    default List<Ranking.Entry> listRanking(Set<String> categoryTechnologies, Quarter asOf,
                                            Collection<SignalComponent> components, Weights weights,
                                            double momentumWeight, ScoreOrder order) {
        return rank(categoryTechnologies, asOf, components, weights, momentumWeight, order, false);
    }

    private List<Ranking.Entry> rank(Set<String> categoryTechnologies, Quarter asOf,
                                     Collection<SignalComponent> components, Weights weights, double momentumWeight,
                                     ScoreOrder order, boolean explain) {
        Objects.requireNonNull(asOf, "asOf");
        return Ranking.rank(asOf,
                scores(categoryTechnologies, asOf, components, weights, momentumWeight),
                scores(categoryTechnologies, asOf.minus(1), components, weights, momentumWeight),
                explain ? scores(categoryTechnologies, asOf.minus(4), components, weights, momentumWeight) : List.of(),
                order, explain);
    }

    /** The set in slug order: itself when it is one already (a category's set is), so that no request copies it. */
    private static Set<String> sorted(Set<String> technologies) {
        return technologies instanceof SortedSet<String> sortedSet && sortedSet.comparator() == null ? technologies
                : new TreeSet<>(technologies);
    }
}
