package dev.techtrends.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.techtrends.scoring.Quarter;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BreakoutsTest {

    static final Quarter FROM = Quarter.parse("2022-Q3");
    static final Quarter TO = Quarter.parse("2025-Q3");

    /** A quarterly series from FROM − 3 to TO growing by the given factor a year, from start. */
    static Breakouts.Series growing(String key, double start, double perYear) {
        NavigableMap<Quarter, Double> values = new TreeMap<>();
        for (Quarter q = FROM.minus(3); !q.isAfter(TO); q = q.plus(1)) {
            values.put(q, start * Math.pow(perYear, FROM.minus(3).quartersUntil(q) / 4.0));
        }
        return new Breakouts.Series("github_topic_developers", key, false, values);
    }

    @Test
    void ranksByGrowthBetweenTheTrailingYearsAtBothEnds() {
        List<Breakouts.Breakout> ranked = Breakouts.rank(List.of(growing("steady", 0.001, 1.1),
                growing("fast", 0.001, 2.0), growing("fading", 0.001, 0.8)), FROM, TO, 0);
        assertEquals(List.of("fast", "steady", "fading"), ranked.stream().map(b -> b.series().key()).toList());
        Breakouts.Breakout fast = ranked.get(0);
        // both ends are means of four quarters of the same shape, so their ratio is exactly three years of growth
        assertEquals(Math.log(2.0), fast.growth(), 1e-12);
        assertEquals(100.0, fast.growthPct(), 1e-9);
        assertEquals(Math.log(0.8), ranked.get(2).growth(), 1e-12);
    }

    @Test
    void aSpikeFromNothingNeedsTheMinimumLevelNow() {
        Breakouts.Series tiny = growing("tiny", 1e-7, 5.0);
        Breakouts.Series big = growing("big", 0.01, 1.2);
        double tinyNow = Breakouts.level(tiny, TO);
        List<Breakouts.Breakout> ranked = Breakouts.rank(List.of(tiny, big), FROM, TO, tinyNow * 2);
        assertEquals(List.of("big"), ranked.stream().map(b -> b.series().key()).toList());
        assertEquals(2, Breakouts.rank(List.of(tiny, big), FROM, TO, tinyNow).size(), "at the minimum, it counts");
    }

    @Test
    void aLevelNeedsThreeOfItsFourQuarters() {
        NavigableMap<Quarter, Double> values = new TreeMap<>(growing("gappy", 0.001, 1.5).values());
        values.remove(TO.minus(1));
        assertEquals(0.001 * (Math.pow(1.5, 3.75) + Math.pow(1.5, 3.25) + Math.pow(1.5, 3.0)) / 3,
                Breakouts.level(new Breakouts.Series("s", "gappy", false, values), TO), 1e-15);
        values.remove(TO.minus(2));
        Breakouts.Series twoOfFour = new Breakouts.Series("s", "gappy", false, values);
        assertNull(Breakouts.level(twoOfFour, TO));
        assertEquals(List.of(), Breakouts.rank(List.of(twoOfFour), FROM, TO, 0), "no level now, not ranked");
    }

    @Test
    void anItemWithoutALevelAtTheStartIsNotRankedSinceItsGrowthIsUnknown() {
        NavigableMap<Quarter, Double> values = new TreeMap<>(growing("new", 0.001, 1.5).values());
        values.headMap(FROM, true).clear();
        assertEquals(List.of(), Breakouts.rank(List.of(new Breakouts.Series("s", "new", false, values)), FROM, TO, 0));
    }

    @Test
    void aSurveyEditionStandsForItsYear() {
        NavigableMap<Quarter, Double> editions = new TreeMap<>();
        editions.put(Quarter.parse("2021-Q1"), 2.0);
        editions.put(Quarter.parse("2024-Q1"), 8.0);
        Breakouts.Series item = new Breakouts.Series("developer_usage", "Webframe | Htmx", true, editions);
        Quarter to = Quarter.parse("2024-Q1");
        Quarter from = Quarter.parse("2021-Q1");
        Breakouts.Breakout breakout = Breakouts.rank(List.of(item), from, to, 0).get(0);
        assertEquals(Math.log(4) / 3, breakout.growth(), 1e-12);
        assertEquals(8.0, Breakouts.level(item, Quarter.parse("2024-Q4")));
        assertNull(Breakouts.level(item, Quarter.parse("2025-Q1")), "four quarters on, the edition is too old");
    }

    @Test
    void theWindowMustRunForward() {
        assertThrows(IllegalArgumentException.class, () -> Breakouts.rank(List.of(), TO, FROM, 0));
        assertThrows(IllegalArgumentException.class, () -> Breakouts.rank(List.of(), TO, TO, 0));
    }

    @Test
    void theDefaultMinimumIsAQuantileOfTheMappedLevels() {
        assertEquals(2.0, Breakouts.quantile(List.of(4.0, 1.0, 3.0, 2.0, 5.0), 0.25));
        assertEquals(1.0, Breakouts.quantile(List.of(4.0, 1.0, 3.0, 2.0, 5.0), 0));
        assertEquals(0.0, Breakouts.quantile(List.of(), 0.25));
    }
}
