package dev.techtrends.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.scoring.Direction;
import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "RankingItem", description = "One technology in a ranking or a movers list")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RankingItem(
        @Schema(description = "Rank by the sort figure; null when the technology has none", example = "1") @Nullable Integer rank,
        @Schema(description = "Rank a quarter before minus rank now: positive = moved up", example = "0") @Nullable Integer rankChange,
        @Schema(example = "artificial-intelligence") String technology,
        @Schema(example = "Artificial Intelligence") String name,
        @Schema(example = "architecture") String category,
        @Nullable Double popularity,
        @Nullable Double momentum,
        @Nullable Double momentumPct,
        @Nullable Double trendScore,
        @Schema(description = "Change of the trend score since the previous quarter") @Nullable Double trendScoreDelta,
        @Schema(example = "adopt") @Nullable String stage,
        double coverage,
        @Schema(example = "high") String confidence,
        @Schema(description = "rising or fading when the momentum (v4: its whole interval) lies on that side of 0, "
                + "else steady; null without a momentum", example = "rising") @Nullable Direction direction,
        @Schema(description = "The one-year change, percent (v4; its momentum is multi-year): where the two differ, "
                + "the technology is turning", example = "4.2") @Nullable Double recentChangePct,
        @Schema(description = "The tier of the sort figure (v4): technologies whose intervals overlap the tier's first "
                + "cannot be told apart from it", example = "1") @Nullable Integer tier,
        @Schema(description = "The ranks the technology could hold given the intervals (v4)") @Nullable Views.RankRange rankRange,
        @Schema(description = "Popularity's 90 % interval (v4)") @Nullable Views.Interval popularityInterval,
        @Schema(description = "momentumPct's 90 % interval (v4)") @Nullable Views.Interval momentumPctInterval,
        @Schema(description = "The trend score's 90 % interval (v4)") @Nullable Views.Interval trendScoreInterval) {
    public RankingItem {
        popularity = Figures.round(popularity);
        momentum = Figures.round(momentum);
        momentumPct = Figures.round(momentumPct);
        trendScore = Figures.round(trendScore);
        trendScoreDelta = Figures.round(trendScoreDelta);
        coverage = Figures.round(coverage);
        recentChangePct = Figures.round(recentChangePct);
    }

    /** A line of the CSV form: the item with its ranges as columns of their own. */
    public record CsvRow(Integer rank, Integer rankChange, String technology, String name, String category,
            Double popularity, Double momentum, Double momentumPct, Double trendScore, Double trendScoreDelta,
            String stage, double coverage, String confidence, String direction, Double recentChangePct,
            Integer tier, Integer rankBest, Integer rankWorst, Double popularityLow, Double popularityHigh,
            Double momentumPctLow, Double momentumPctHigh, Double trendScoreLow, Double trendScoreHigh) {
    }

    CsvRow csvRow() {
        return new CsvRow(rank, rankChange, technology, name, category, popularity, momentum, momentumPct, trendScore,
                trendScoreDelta, stage, coverage, confidence, direction == null ? null : direction.label(), recentChangePct, tier,
                rankRange == null ? null : rankRange.best(), rankRange == null ? null : rankRange.worst(),
                Views.Interval.low(popularityInterval), Views.Interval.high(popularityInterval),
                Views.Interval.low(momentumPctInterval), Views.Interval.high(momentumPctInterval),
                Views.Interval.low(trendScoreInterval), Views.Interval.high(trendScoreInterval));
    }
}
