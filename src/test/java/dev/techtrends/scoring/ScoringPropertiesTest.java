package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the method over seeded random categories: gaps, zeros, stale and late-starting signals. */
class ScoringPropertiesTest {

    private static final double EPS = 1e-9;
    private static final List<String> SIGNALS = List.of("github_topic_developers",
            "github_language_developers", "search_interest", "qa_questions",
            "job_postings");
    private static final Set<String> KNOWN_SIGNALS = Set.copyOf(SIGNALS);
    private static final Quarter FIRST = Quarter.parse("2018-Q1");
    private static final Quarter LAST = Quarter.parse("2024-Q4");
    private static final int CATEGORIES = 150;

    private record Category(Set<String> technologies, List<Observation> observations) {
    }

    @Test
    void contributionsAddUpToTheTrendScoreAndItsChanges() {
        Random random = new Random(20240917L);
        int changesChecked = 0;
        int clampedMomenta = 0;
        int staleSignals = 0;
        for (int run = 0; run < CATEGORIES; run++) {
            Category category = randomCategory(random);
            List<SignalComponent> components = Components.compute(category.technologies(), category.observations(),
                    LAST);
            Weights weights = randomWeights(random);
            double momentumWeight = randomMomentumWeight(random);
            for (Quarter asOf = FIRST; !asOf.isAfter(LAST); asOf = asOf.plus(1)) {
                for (Ranking.Entry entry : MethodV1.INSTANCE.ranking(category.technologies(), asOf, components, weights,
                        momentumWeight, ScoreOrder.TREND)) {
                    Score score = entry.score();
                    assertScoreInvariants(score);
                    if (score.momentum() != null && Math.abs(score.momentum()) > Score.MOMENTUM_SCALE) {
                        clampedMomenta++;
                    }
                    staleSignals += (int) score.signals().stream().filter(s -> s.ageInQuarters() > 0).count();
                    for (Ranking.Change change : List.of(entry.sincePreviousQuarter(), entry.sinceYearAgo())) {
                        if (change.trendScoreDelta() == null) {
                            assertEquals(List.of(), change.whyItMoved());
                            continue;
                        }
                        double sumOfChanges = change.whyItMoved().stream()
                                .mapToDouble(Ranking.SignalChange::change).sum();
                        assertEquals(change.trendScoreDelta(), sumOfChanges, EPS,
                                () -> "why it moved does not add up for " + entry.technology());
                        changesChecked++;
                    }
                }
            }
        }
        // the random data must exercise the property, including the clamp and stale signals
        assertTrue(changesChecked > 1000, "changes checked: " + changesChecked);
        assertTrue(clampedMomenta > 50, "clamped momenta: " + clampedMomenta);
        assertTrue(staleSignals > 500, "stale signals: " + staleSignals);
    }

    @Test
    void scalingOneSignalChangesNoScore() {
        Random random = new Random(7_300L);
        for (int run = 0; run < CATEGORIES; run++) {
            Category category = randomCategory(random);
            String scaledSignal = SIGNALS.get(random.nextInt(SIGNALS.size()));
            List<Observation> scaled = category.observations().stream()
                    .map(o -> o.signal().equals(scaledSignal)
                            ? new Observation(o.signal(), o.technology(), o.periodStart(), o.granularity(),
                                    o.value() * 7.3)
                            : o)
                    .toList();
            List<SignalComponent> original = Components.compute(category.technologies(), category.observations(),
                    LAST);
            List<SignalComponent> rescaled = Components.compute(category.technologies(), scaled, LAST);

            assertEquals(original.size(), rescaled.size());
            for (int index = 0; index < original.size(); index++) {
                SignalComponent before = original.get(index);
                SignalComponent after = rescaled.get(index);
                assertEquals(before.dataQuarter(), after.dataQuarter());
                assertClose(before.normalisedLevel(), after.normalisedLevel(), "N of " + before);
                assertClose(before.growth(), after.growth(), "G of " + before);
            }
            Weights weights = randomWeights(random);
            double momentumWeight = randomMomentumWeight(random);
            for (Quarter quarter = FIRST; !quarter.isAfter(LAST); quarter = quarter.plus(1)) {
                List<Score> scoresBefore = MethodV1.INSTANCE.scores(category.technologies(), quarter, original, weights,
                        momentumWeight);
                List<Score> scoresAfter = MethodV1.INSTANCE.scores(category.technologies(), quarter, rescaled, weights,
                        momentumWeight);
                for (int index = 0; index < scoresBefore.size(); index++) {
                    Score before = scoresBefore.get(index);
                    Score after = scoresAfter.get(index);
                    assertClose(before.popularity(), after.popularity(), "P of " + before.technology());
                    assertClose(before.momentum(), after.momentum(), "M of " + before.technology());
                    assertClose(before.trendScore(), after.trendScore(), "T of " + before.technology());
                    assertEquals(before.coverage(), after.coverage());
                }
            }
        }
    }

    @Test
    void aListRankingShowsWhatTheFullRankingShows() {
        Random random = new Random(16L);
        int entriesChecked = 0;
        for (int run = 0; run < CATEGORIES; run++) {
            Category category = randomCategory(random);
            List<SignalComponent> components = Components.compute(category.technologies(), category.observations(),
                    LAST);
            Weights weights = randomWeights(random);
            double momentumWeight = randomMomentumWeight(random);
            ScoreOrder order = ScoreOrder.values()[random.nextInt(ScoreOrder.values().length)];
            for (Quarter asOf = FIRST; !asOf.isAfter(LAST); asOf = asOf.plus(1)) {
                List<Ranking.Entry> full = MethodV1.INSTANCE.ranking(category.technologies(), asOf, components,
                        weights, momentumWeight, order);
                List<Ranking.Entry> list = MethodV1.INSTANCE.listRanking(category.technologies(), asOf, components,
                        weights, momentumWeight, order);
                assertEquals(full.size(), list.size());
                for (int index = 0; index < full.size(); index++) {
                    Ranking.Entry expected = full.get(index);
                    Ranking.Entry actual = list.get(index);
                    assertEquals(expected.technology(), actual.technology());
                    assertEquals(expected.rank(), actual.rank());
                    assertEquals(expected.score(), actual.score());
                    Ranking.Change previous = expected.sincePreviousQuarter();
                    assertEquals(new Ranking.Change(previous.referenceQuarter(), previous.referenceRank(),
                            previous.rankChange(), previous.popularityDelta(), previous.momentumDelta(),
                            previous.momentumPctDelta(), previous.trendScoreDelta(), List.of()),
                            actual.sincePreviousQuarter());
                    entriesChecked++;
                }
            }
        }
        assertTrue(entriesChecked > 10_000, "entries checked: " + entriesChecked);
    }

    @Test
    void componentsStayInTheirRanges() {
        Random random = new Random(42L);
        for (int run = 0; run < CATEGORIES; run++) {
            Category category = randomCategory(random);
            List<SignalComponent> components = Components.compute(category.technologies(), category.observations(),
                    LAST);
            Map<String, Double> highestN = new HashMap<>();
            for (SignalComponent component : components) {
                assertTrue(component.ageInQuarters() >= 0 && component.ageInQuarters() <= 8, component::toString);
                if (component.hasLevel()) {
                    assertTrue(component.level() >= 0);
                    assertTrue(component.normalisedLevel() >= 0 && component.normalisedLevel() <= 100,
                            component::toString);
                    highestN.merge(component.signal() + component.quarter(), component.normalisedLevel(), Math::max);
                }
                if (component.hasGrowth()) {
                    assertTrue(component.growth() >= -1 && component.growth() <= 1, component::toString);
                }
            }
            // every signal and quarter has a leader at 100, unless all its levels are 0
            highestN.values().forEach(max -> assertTrue(max == 100 || max == 0, "leader " + max));
        }
    }

    private static void assertScoreInvariants(Score score) {
        if (score.popularity() != null) {
            assertTrue(score.popularity() >= 0 && score.popularity() <= 100, score::toString);
        }
        assertTrue(score.coverage() >= 0 && score.coverage() <= 1);
        if (score.trendScore() == null) {
            assertNull(score.stage());
            score.signals().forEach(signal -> assertNull(signal.trendContribution()));
            return;
        }
        assertTrue(score.trendScore() >= 0 && score.trendScore() <= 100, score::toString);
        double sum = score.momentumWeight() * 50;
        for (Score.SignalContribution signal : score.signals()) {
            sum += signal.trendContribution();
        }
        assertEquals(score.trendScore(), sum, EPS, score::toString);
        assertEquals(Stage.of(score.popularity(), score.momentum()), score.stage());
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(expected, actual, EPS, what);
        }
    }

    /**
     * 1 to 6 technologies; each has each signal with probability 0.7, starting anywhere, sometimes ending early
     * (stale), monthly or quarterly, with a trend, noise, some zero quarters and some missing quarters or months.
     */
    private static Category randomCategory(Random random) {
        Set<String> technologies = new LinkedHashSet<>();
        int count = 1 + random.nextInt(6);
        for (int index = 0; index < count; index++) {
            technologies.add("tech-" + index);
        }
        int quarters = FIRST.quartersUntil(LAST) + 1;
        List<Observation> observations = new ArrayList<>();
        for (String technology : technologies) {
            for (String signal : SIGNALS) {
                if (random.nextDouble() > 0.7) {
                    continue;
                }
                int start = random.nextInt(quarters - 2);
                int end = random.nextDouble() < 0.3 ? start + random.nextInt(quarters - start) : quarters - 1;
                boolean monthly = random.nextBoolean();
                double base = 0.01 * Math.exp(random.nextGaussian() * 1.5);
                double drift = random.nextGaussian() * 0.15;
                for (int index = start; index <= end; index++) {
                    if (random.nextDouble() < 0.06) {
                        continue; // a missing quarter
                    }
                    double share = random.nextDouble() < 0.04 ? 0
                            : base * Math.exp(drift * (index - start) + random.nextGaussian() * 0.1);
                    Quarter quarter = FIRST.plus(index);
                    if (!monthly) {
                        observations.add(new Observation(signal, technology, quarter.start(), Granularity.QUARTER,
                                share));
                        continue;
                    }
                    for (int month = 0; month < 3; month++) {
                        if (random.nextDouble() < 0.02) {
                            continue; // a missing month makes the quarter missing
                        }
                        LocalDate monthStart = quarter.start().plusMonths(month);
                        observations.add(new Observation(signal, technology, monthStart, Granularity.MONTH,
                                share * Math.exp(random.nextGaussian() * 0.05)));
                    }
                }
            }
        }
        return new Category(technologies, observations);
    }

    /** Random weights written as the user would, through {@link Weights#parse}; sometimes a preset. */
    private static Weights randomWeights(Random random) {
        if (random.nextDouble() < 0.3) {
            List<String> presets = List.copyOf(MethodV1.INSTANCE.presets().stream().map(Preset::name).toList());
            return MethodV1.INSTANCE.preset(presets.get(random.nextInt(presets.size()))).weights();
        }
        List<String> pairs = new ArrayList<>();
        for (String signal : SIGNALS) {
            if (random.nextDouble() < 0.6) {
                pairs.add(signal + ":" + (random.nextDouble() < 0.15 ? 0 : random.nextInt(100) / 10.0));
            }
        }
        try {
            return Weights.parse(String.join(",", pairs), KNOWN_SIGNALS);
        } catch (IllegalArgumentException emptyOrAllZero) {
            return MethodV1.BALANCED;
        }
    }

    private static double randomMomentumWeight(Random random) {
        double pick = random.nextDouble();
        return pick < 0.1 ? 0 : pick < 0.2 ? 1 : pick < 0.5 ? MethodV1.DEFAULT_MOMENTUM_WEIGHT : random.nextDouble();
    }
}
