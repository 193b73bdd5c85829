package dev.techtrends.rankings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.ScoringMethod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One category's stored results, computed from an in-memory snapshot: no database. */
class CategoryScoresTest {

    static final long CATEGORY = 7;
    static final List<TechnologyRef> TECHNOLOGIES = List.of(
            new TechnologyRef(1, "alpha", "Alpha", CATEGORY, "tools"),
            new TechnologyRef(2, "beta", "Beta", CATEGORY, "tools"),
            new TechnologyRef(3, "gamma", "Gamma", CATEGORY, "tools"),
            new TechnologyRef(4, "other", "Other", 8, "elsewhere"));

    /** Quarterly shares from 2020-Q1 to 2022-Q4: alpha grows, beta shrinks, gamma has no data, other elsewhere. */
    static ScoreSnapshot snapshot() {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate start = new Quarter(2020 + i / 4, i % 4 + 1).start();
            observations.add(new Observation("github_topic_developers", "alpha", start, Granularity.QUARTER,
                    0.01 + 0.001 * i));
            observations.add(new Observation("github_topic_developers", "beta", start, Granularity.QUARTER,
                    0.02 - 0.0005 * i));
            observations.add(new Observation("github_topic_developers", "other", start, Granularity.QUARTER, 0.05));
        }
        return new ScoreSnapshot(new ScoreSnapshot.Loaded(42, Map.of(CATEGORY, false), TECHNOLOGIES, observations,
                Map.of(), Map.of()));
    }

    @Test
    void everyTechnologyOfTheCategoryIsScoredInEveryQuarterUpToAsOf() {
        ScoringMethod method = MethodV1.INSTANCE;
        Quarter asOf = Quarter.parse("2022-Q4");
        ScoreSnapshot snapshot = snapshot();
        CategoryScores category = CategoryScores.of(method, asOf, snapshot, CATEGORY,
                CategoryScores.components(method, asOf, snapshot, CATEGORY));

        assertEquals(Quarter.parse("2020-Q1"), category.firstQuarter());
        assertEquals(asOf, category.lastQuarter());
        int quarters = category.firstQuarter().quartersUntil(asOf) + 1;
        assertEquals(3 * quarters, category.scores().size(), "alpha, beta and gamma in each quarter");
        Set<String> scoredTechnologies = new TreeSet<>();
        category.scores().forEach(entry -> scoredTechnologies.add(entry.technology()));
        assertEquals(Set.of("alpha", "beta", "gamma"), scoredTechnologies);

        // the components are the method's own, of the category's observations only
        assertEquals(method.components(Set.of("alpha", "beta", "gamma"),
                snapshot.observationsByCategory.get(CATEGORY), asOf), category.components());

        Ranking.Entry alpha = newest(category, "alpha", asOf);
        Ranking.Entry beta = newest(category, "beta", asOf);
        Ranking.Entry gamma = newest(category, "gamma", asOf);
        assertEquals(1, alpha.rank(), "growing, and the leader by then");
        assertEquals(2, beta.rank());
        assertNull(gamma.rank(), "no data: listed, not ranked");
        assertEquals(0.0, gamma.score().coverage());
        assertNull(gamma.score().trendScore());
        assertEquals(asOf.minus(1), beta.sincePreviousQuarter().referenceQuarter());
        assertEquals(2, beta.sincePreviousQuarter().referenceRank(), "stored: the change since the quarter before");
        assertEquals(List.of(), alpha.sincePreviousQuarter().whyItMoved(), "why it moved is not stored");
        assertTrue(alpha.score().momentum() > 0 && beta.score().momentum() < 0);
    }

    private static Ranking.Entry newest(CategoryScores category, String technology, Quarter asOf) {
        return category.scores().stream()
                .filter(entry -> entry.technology().equals(technology) && entry.score().quarter().equals(asOf))
                .findFirst().orElseThrow();
    }
}
