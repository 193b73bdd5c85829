package dev.techtrends.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        @Schema(example = "high") String confidence) {
    public RankingItem {
        popularity = Figures.round(popularity);
        momentum = Figures.round(momentum);
        momentumPct = Figures.round(momentumPct);
        trendScore = Figures.round(trendScore);
        trendScoreDelta = Figures.round(trendScoreDelta);
        coverage = Figures.round(coverage);
    }

}
