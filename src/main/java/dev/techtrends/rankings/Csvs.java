package dev.techtrends.rankings;

import dev.techtrends.signals.Csv;
import java.util.List;

/** CSV renderings of rankings, movers and histories: one header, one line per item. */
final class Csvs {
    private Csvs() {
    }

    static String items(List<RankingItem> items) {
        StringBuilder csv = new StringBuilder("rank,rank_change,technology,name,category,popularity,momentum,"
                + "momentum_pct,trend_score,trend_score_delta,stage,coverage,confidence\n");
        for (RankingItem item : items) {
            csv.append(Csv.line(item.rank(), item.rankChange(), item.technology(), item.name(), item.category(),
                    item.popularity(), item.momentum(), item.momentumPct(), item.trendScore(), item.trendScoreDelta(),
                    item.stage(), item.coverage(), item.confidence()));
        }
        return csv.toString();
    }

    static String history(Views.HistoryView history) {
        StringBuilder csv = new StringBuilder("technology,quarter,popularity,momentum,momentum_pct,trend_score,rank,"
                + "stage,coverage,confidence\n");
        for (Views.HistoryPoint point : history.items()) {
            csv.append(Csv.line(history.technology(), point.quarter(), point.popularity(), point.momentum(),
                    point.momentumPct(), point.trendScore(), point.rank(), point.stage(), point.coverage(),
                    point.confidence()));
        }
        return csv.toString();
    }
}
