package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the method's results into response records. The stored scores and the custom-weight answers both go
 * through here, so they cannot drift apart.
 */
public final class ScoreViews {

    /** What the views need besides the method's results. */
    public record Context(Map<String, String> nameBySlug, Map<String, String> categoryBySlug,
            Map<String, ScoreView.Attribution> sourceBySignal, Map<String, Double> shareByComponent) {

        public static String componentKey(String technology, String signal, Quarter quarter) {
            return technology + '|' + signal + '|' + quarter;
        }
    }

    private ScoreViews() {
    }

    public static ScoreView view(Ranking.Entry entry, Weights weights, double momentumWeight, Context context) {
        return view(MethodV1.VERSION, entry, weights, momentumWeight, context);
    }

    public static ScoreView view(String method, Ranking.Entry entry, Weights weights, double momentumWeight,
            Context context) {
        Score score = entry.score();
        List<ScoreView.SignalBreakdown> signals = new ArrayList<>();
        Map<String, ScoreView.Attribution> sources = new TreeMap<>();
        for (Score.SignalContribution signal : score.signals()) {
            signals.add(new ScoreView.SignalBreakdown(signal.signal(), signal.dataQuarter().toString(),
                    signal.ageInQuarters(),
                    context.shareByComponent().get(Context.componentKey(entry.technology(), signal.signal(),
                            signal.dataQuarter())),
                    signal.level(), signal.normalisedLevel(), signal.growth(), signal.weight(), signal.weightUsed(),
                    signal.popularityShare(), signal.momentumShare(), signal.trendContribution()));
            ScoreView.Attribution source = context.sourceBySignal().get(signal.signal());
            if (signal.weightUsed() > 0 && source != null) {
                sources.put(source.id(), source);
            }
        }
        return new ScoreView(entry.technology(), context.nameBySlug().get(entry.technology()),
                context.categoryBySlug().get(entry.technology()), method, score.quarter().toString(),
                new TreeMap<>(weights.bySignal()), momentumWeight, score.popularity(), score.momentum(),
                score.momentumPct(), score.trendScore(), entry.rank(),
                score.stage() == null ? null : score.stage().label(), "data-derived", score.coverage(),
                score.confidence().label(), change(entry.sincePreviousQuarter()), change(entry.sinceYearAgo()),
                signals, List.copyOf(sources.values()));
    }

    public static RankingItem item(Ranking.Entry entry, Integer rank, Integer rankChange, Context context) {
        Score score = entry.score();
        return new RankingItem(rank, rankChange, entry.technology(), context.nameBySlug().get(entry.technology()),
                context.categoryBySlug().get(entry.technology()), score.popularity(), score.momentum(),
                score.momentumPct(), score.trendScore(), entry.sincePreviousQuarter().trendScoreDelta(),
                score.stage() == null ? null : score.stage().label(), score.coverage(), score.confidence().label());
    }

    private static ScoreView.Change change(Ranking.Change change) {
        List<ScoreView.SignalMove> moves = change.whyItMoved().stream()
                .map(move -> new ScoreView.SignalMove(move.signal(), move.contribution(), move.referenceContribution(),
                        move.change()))
                .toList();
        return new ScoreView.Change(change.referenceQuarter().toString(), change.referenceRank(), change.rankChange(),
                change.popularityDelta(), change.momentumDelta(), change.momentumPctDelta(), change.trendScoreDelta(),
                moves);
    }
}
