package dev.techtrends.rankings;

import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.Freshness;
import dev.techtrends.scoring.LevelBasis;
import dev.techtrends.scoring.LogTrend;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.scoring.Weights;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the method's results into response records. The stored scores and the custom-weight answers both go
 * through here, so they cannot drift apart.
 */
final class ViewMapper {

    /** What the responses need besides the method's results. */
    record Context(Map<String, String> nameBySlug, Map<String, String> categoryBySlug,
            Map<String, ScoreView.Attribution> sourceBySignal, Map<ShareKey, Double> shareByComponent) {

        /** The context of these technologies, their sources and their shares. */
        static Context of(Collection<TechnologyRef> technologies, Map<String, ScoreView.Attribution> sources,
                Map<ShareKey, Double> shares) {
            Map<String, String> names = new HashMap<>();
            Map<String, String> categories = new HashMap<>();
            for (TechnologyRef technology : technologies) {
                names.put(technology.slug(), technology.name());
                categories.put(technology.slug(), technology.category());
            }
            return new Context(names, categories, sources, shares);
        }
    }

    /** Which share a signal breakdown shows: a technology's value of a signal in a quarter. */
    record ShareKey(String technology, String signal, Quarter quarter) {
    }

    /** How a score's confidence note starts when an input it rests on is overdue; the signals follow. */
    static final String OVERDUE_NOTE = "Overdue inputs, whose late values may move the figures: ";

    private ViewMapper() {
    }

    /**
     * The /score answer. {@code freshness} (every signal's, today) flags each signal whose overdue value would count
     * in this quarter, and the confidence note names those the score rests on: figures and confidence stay as
     * computed, the reader learns they may move when the value arrives.
     */
    static ScoreView score(ScoringMethod method, Ranking.Entry entry, Weights weights, double momentumWeight,
            Context context, Map<String, Freshness> freshness) {
        Score score = entry.score();
        List<ScoreView.SignalBreakdown> signals = new ArrayList<>();
        Map<String, ScoreView.Attribution> sources = new TreeMap<>();
        List<String> overdueInputs = new ArrayList<>();
        for (Score.SignalContribution signal : score.signals()) {
            Freshness signalFreshness = freshness.get(signal.signal());
            boolean overdue = signalFreshness != null && signalFreshness.overdueFor(score.quarter());
            if (overdue && signal.weightUsed() > 0) {
                overdueInputs.add(signal.signal() + " (newest " + Freshness.label(signalFreshness.newestComplete(),
                        signalFreshness.granularity()) + ", next expected by " + signalFreshness.expectedNextUpdate()
                        + ")");
            }
            signals.add(new ScoreView.SignalBreakdown(signal.signal(), signal.dataQuarter().toString(),
                    signal.ageInQuarters(),
                    context.shareByComponent().get(new ShareKey(entry.technology(), signal.signal(),
                            signal.dataQuarter())),
                    signal.level(), LevelBasis.of(signal.levelBasis()), signal.anchoredLevel(), signal.normalisedLevel(),
                    signal.growth(), trend(signal.trend()), signal.weight(), signal.weightUsed(),
                    signal.popularityShare(), signal.momentumShare(), signal.trendContribution(), overdue));
            ScoreView.Attribution source = context.sourceBySignal().get(signal.signal());
            if (signal.weightUsed() > 0 && source != null) {
                sources.put(source.id(), source);
            }
        }
        return new ScoreView(entry.technology(), context.nameBySlug().get(entry.technology()),
                context.categoryBySlug().get(entry.technology()), method.version(), score.quarter().toString(),
                new TreeMap<>(weights.bySignal()), momentumWeight, score.popularity(), score.momentum(),
                score.momentumPct(), score.trendScore(), entry.rank(),
                score.stage() == null ? null : score.stage().label(), "data-derived", score.coverage(),
                score.confidence().label(), overdueInputs.isEmpty() ? null : OVERDUE_NOTE
                        + String.join(", ", overdueInputs) + ".", score.direction(),
                Score.percent(score.recentChange()),
                entry.placing() == null ? null : entry.placing().tier(), Views.RankRange.of(entry.placing()),
                Views.Interval.of(interval(score, Score.Intervals::popularity)),
                Views.Interval.of(interval(score, Score.Intervals::momentum)),
                Views.Interval.percent(interval(score, Score.Intervals::momentum)),
                Views.Interval.of(interval(score, Score.Intervals::trendScore)),
                change(entry.sincePreviousQuarter()), change(entry.sinceYearAgo()), signals,
                List.copyOf(sources.values()));
    }

    /**
     * A ranking line; {@code placing} is where the ranking shown places it (a category's, or the one across
     * categories), null when unranked or without intervals.
     */
    static RankingItem item(Ranking.Entry entry, Integer rank, Integer rankChange, Ranking.Placing placing,
            Context context) {
        Score score = entry.score();
        return new RankingItem(rank, rankChange, entry.technology(), context.nameBySlug().get(entry.technology()),
                context.categoryBySlug().get(entry.technology()), score.popularity(), score.momentum(),
                score.momentumPct(), score.trendScore(), entry.sincePreviousQuarter().trendScoreDelta(),
                score.stage() == null ? null : score.stage().label(), score.coverage(), score.confidence().label(),
                score.direction(), Score.percent(score.recentChange()), placing == null ? null : placing.tier(),
                Views.RankRange.of(placing), Views.Interval.of(interval(score, Score.Intervals::popularity)),
                Views.Interval.percent(interval(score, Score.Intervals::momentum)),
                Views.Interval.of(interval(score, Score.Intervals::trendScore)));
    }

    static Views.HistoryPoint historyPoint(Score score, Integer rank, Ranking.Placing placing) {
        return new Views.HistoryPoint(score.quarter().toString(), score.popularity(), score.momentum(),
                score.momentumPct(), score.trendScore(), rank, score.stage() == null ? null : score.stage().label(),
                score.coverage(), score.confidence().label(), score.direction(), Score.percent(score.recentChange()),
                placing == null ? null : placing.tier(), Views.RankRange.of(placing),
                Views.Interval.of(interval(score, Score.Intervals::popularity)),
                Views.Interval.percent(interval(score, Score.Intervals::momentum)),
                Views.Interval.of(interval(score, Score.Intervals::trendScore)));
    }

    private static Score.Interval interval(Score score, Function<Score.Intervals, Score.Interval> figure) {
        return score.intervals() == null ? null : figure.apply(score.intervals());
    }

    private static ScoreView.SignalTrend trend(LogTrend trend) {
        return trend == null ? null : new ScoreView.SignalTrend(trend.slope(), 100 * Math.expm1(trend.slope()),
                trend.standardError(), trend.from().toString(), trend.to().toString(), trend.points());
    }

    /** The histories and signals of several technologies laid on one quarter axis. */
    static Views.CompareView compare(ScoringMethod method, Quarter upTo,
            List<TechnologyRef> technologies, List<List<Views.HistoryPoint>> histories,
            ScoreRepository.ComponentSet components, List<ScoreView.Attribution> sources) {
        Quarter first = upTo;
        for (List<Views.HistoryPoint> history : histories) {
            if (!history.isEmpty()) {
                Quarter start = Quarter.parse(history.get(0).quarter());
                first = start.isBefore(first) ? start : first;
            }
        }
        List<String> quarters = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Quarter q = first; !q.isAfter(upTo); q = q.plus(1)) {
            index.put(q.toString(), quarters.size());
            quarters.add(q.toString());
        }
        List<Views.ComparedTechnology> compared = new ArrayList<>();
        for (int t = 0; t < technologies.size(); t++) {
            TechnologyRef technology = technologies.get(t);
            List<Double> trend = nulls(quarters.size());
            List<Double> popularity = nulls(quarters.size());
            List<Double> momentumPct = nulls(quarters.size());
            for (Views.HistoryPoint point : histories.get(t)) {
                Integer i = index.get(point.quarter());
                if (i != null) {
                    trend.set(i, point.trendScore());
                    popularity.set(i, point.popularity());
                    momentumPct.set(i, point.momentumPct());
                }
            }
            Map<String, List<Double>> shares = new TreeMap<>();
            Map<String, List<Double>> levels = new TreeMap<>();
            for (SignalComponent component : components.of(technology.categoryId())) {
                Integer i = index.get(component.quarter().toString());
                if (i == null || !component.technology().equals(technology.slug())) {
                    continue;
                }
                List<Double> share = shares.computeIfAbsent(component.signal(), key -> nulls(quarters.size()));
                // Only fresh quarters show a share; a carried-forward component repeats an older one.
                if (component.dataQuarter().equals(component.quarter())) {
                    share.set(i, components.context().shareByComponent().get(new ShareKey(
                            component.technology(), component.signal(), component.quarter())));
                }
                // as the trend score beside it reads it (v3: on the usage survey's scale)
                levels.computeIfAbsent(component.signal(), key -> nulls(quarters.size())).set(i,
                        method.asScored(component, method.defaultPreset().weights()).normalisedLevel());
            }
            Map<String, Views.SignalSeries> signals = new TreeMap<>();
            shares.forEach((signal, share) -> signals.put(signal, new Views.SignalSeries(share, levels.get(signal))));
            compared.add(new Views.ComparedTechnology(technology.slug(), technology.name(), technology.category(),
                    trend, popularity, momentumPct, signals));
        }
        return new Views.CompareView(method.version(), upTo.toString(), quarters, compared, sources);
    }

    private static ScoreView.Change change(Ranking.Change change) {
        List<ScoreView.SignalMove> moves = change.whyItMoved().stream()
                .map(move -> new ScoreView.SignalMove(move.signal(), move.contribution(),
                        move.referenceContribution(), move.change()))
                .toList();
        return new ScoreView.Change(change.referenceQuarter().toString(), change.referenceRank(),
                change.rankChange(), change.popularityDelta(), change.momentumDelta(), change.momentumPctDelta(),
                change.trendScoreDelta(), moves);
    }

    private static List<Double> nulls(int size) {
        return new ArrayList<>(Collections.nCopies(size, null));
    }
}
