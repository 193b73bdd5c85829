package dev.techtrends.rankings;

import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.scoring.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * One category's stored results for a method, computed from a snapshot: its components and, for every technology in
 * every quarter from the first scored to asOf, the ranked score (those without data with coverage 0 and no figures, so
 * that any asOf lists all of them). Pure: no I/O, the same snapshot gives the same rows.
 *
 * @param technologies the category's technologies
 * @param scores       per quarter, ascending, the ranking entries
 */
record CategoryScores(long categoryId, List<TechnologyRef> technologies, List<SignalComponent> components,
        List<Ranking.Entry> scores, Quarter firstQuarter, Quarter lastQuarter) {

    /** Stage 1 of the method for the category, on the snapshot's observations up to asOf. */
    static List<SignalComponent> components(ScoringMethod method, Quarter asOf, ScoreSnapshot snapshot,
            long categoryId) {
        return method.components(slugs(snapshot, categoryId),
                snapshot.observationsByCategory.getOrDefault(categoryId, List.of()), asOf);
    }

    private static Set<String> slugs(ScoreSnapshot snapshot, long categoryId) {
        Set<String> slugs = new TreeSet<>();
        snapshot.byCategory.get(categoryId).forEach(t -> slugs.add(t.slug()));
        return slugs;
    }

    /** Stages 2 and 3 on the category's components: every technology ranked in every quarter up to asOf. */
    static CategoryScores of(ScoringMethod method, Quarter asOf, ScoreSnapshot snapshot, long categoryId,
            List<SignalComponent> components) {
        List<TechnologyRef> technologies = snapshot.byCategory.get(categoryId);
        Set<String> slugs = slugs(snapshot, categoryId);
        Weights defaults = method.defaultPreset().weights();
        double momentumWeight = method.defaultMomentumWeight();
        NavigableMap<Quarter, List<Score>> byQuarter = method.scoresByQuarter(slugs, components, defaults,
                momentumWeight);
        Quarter first = snapshot.firstQuarter == null ? asOf : snapshot.firstQuarter;
        if (!byQuarter.isEmpty() && byQuarter.firstKey().isBefore(first)) {
            first = byQuarter.firstKey();
        }
        for (Quarter q = first; !q.isAfter(asOf); q = q.plus(1)) {
            if (!byQuarter.containsKey(q)) {
                byQuarter.put(q, method.scores(slugs, q, List.of(), defaults, momentumWeight));
            }
        }
        List<Ranking.Entry> ranked = new ArrayList<>();
        for (Map.Entry<Quarter, List<Score>> quarter : byQuarter.entrySet()) {
            Quarter q = quarter.getKey();
            // what is stored: ranks, placings and the change since the quarter before (not why it moved)
            ranked.addAll(Ranking.rank(q, quarter.getValue(), byQuarter.getOrDefault(q.minus(1), List.of()), List.of(),
                    ScoreOrder.TREND, false));
        }
        return new CategoryScores(categoryId, technologies, components, ranked, byQuarter.firstKey(),
                byQuarter.lastKey());
    }
}
