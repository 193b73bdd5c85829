package dev.techtrends.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.scoring.Direction;
import dev.techtrends.scoring.LevelBasis;
import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Score", description = "A technology's score in a quarter, explained signal by signal")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScoreView(
        @Schema(example = "nestjs") String technology,
        @Schema(example = "NestJS") String name,
        @Schema(example = "frameworks") String category,
        @Schema(description = "Scoring method version") String method,
        @Schema(example = "2025-Q3") String asOf,
        @Schema(description = "Weight per signal used", example = "{\"github_topic_developers\":0.3,\"github_language_developers\":0.3,\"search_interest\":0.2,\"qa_questions\":0.2}")
        Map<String, Double> weights,
        @Schema(description = "α: the share of the trend score that momentum decides", example = "0.5") double momentumWeight,
        @Schema(description = "P, 0-100: weighted mean of the normalised levels (category leader on a signal = 100)",
                example = "61.2") @Nullable Double popularity,
        @Schema(description = "M: weighted mean of the year-on-year log growths", example = "0.118") @Nullable Double momentum,
        @Schema(description = "100·(e^M − 1): percent per year", example = "12.5") @Nullable Double momentumPct,
        @Schema(description = "T = (1−α)·P + α·(50 + 50·clamp(M/ln 2, −1, 1)), 0-100", example = "64.8") @Nullable Double trendScore,
        @Schema(description = "Rank by trend score in the category; null when there is no trend score", example = "2")
        @Nullable Integer rank,
        @Schema(description = "adopt, trial, assess or hold; null without a momentum", example = "assess") @Nullable String stage,
        @Schema(description = "Stages are derived from the data by the published thresholds, not an editorial verdict",
                example = "data-derived") String stageBasis,
        @Schema(description = "Share of the default weight whose signals are present, 0-1", example = "0.3") double coverage,
        @Schema(description = "low (coverage < 0.25), medium (< 0.6) or high", example = "medium") String confidence,
        @Schema(description = "Why the confidence is less than its label says, or null: an input the score rests on "
                + "(weight used > 0) is overdue by the service's clock and its late value would count in asOf (see "
                + "signals[].overdue and /api/v1/sources); the figures and the label stay as computed",
                example = "Overdue inputs, whose late values may move the figures: search_interest (newest 2026-07, "
                        + "next expected by 2026-09-01).") @Nullable String confidenceNote,
        @Schema(description = "rising or fading when the momentum (v4: its whole interval) lies on that side of 0, "
                + "else steady; null without a momentum", example = "steady") @Nullable Direction direction,
        @Schema(description = "The one-year change, percent (v4, whose momentum is multi-year): where the two differ, "
                + "the technology is turning", example = "4.2") @Nullable Double recentChangePct,
        @Schema(description = "The tier of its trend score in the category (v4): technologies whose intervals overlap "
                + "the tier's first cannot be told apart from it", example = "2") @Nullable Integer tier,
        @Schema(description = "The ranks it could hold in the category given the intervals (v4)") @Nullable Views.RankRange rankRange,
        @Schema(description = "Popularity's 90 % interval (v4)") @Nullable Views.Interval popularityInterval,
        @Schema(description = "Momentum's 90 % interval, in log units per year (v4)") @Nullable Views.Interval momentumInterval,
        @Schema(description = "momentumPct's 90 % interval (v4)") @Nullable Views.Interval momentumPctInterval,
        @Schema(description = "The trend score's 90 % interval (v4)") @Nullable Views.Interval trendScoreInterval,
        @Nullable Change sincePreviousQuarter,
        @Nullable Change sinceYearAgo,
        List<SignalBreakdown> signals,
        @Schema(description = "Attribution of every source the figures draw on") List<Attribution> sources) {
    public ScoreView {
        momentumWeight = Figures.round(momentumWeight);
        popularity = Figures.round(popularity);
        momentum = Figures.round(momentum);
        momentumPct = Figures.round(momentumPct);
        trendScore = Figures.round(trendScore);
        coverage = Figures.round(coverage);
        recentChangePct = Figures.round(recentChangePct);
    }


    @Schema(name = "ScoreChange", description = "Changes against a reference quarter; whyItMoved splits the trend "
            + "score change exactly per signal (the changes sum to trendScoreDelta)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(
            @Schema(example = "2025-Q2") String quarter,
            @Nullable Integer rank,
            @Schema(description = "Reference rank minus current rank: positive = moved up", example = "1") @Nullable Integer rankChange,
            @Nullable Double popularityDelta,
            @Nullable Double momentumDelta,
            @Nullable Double momentumPctDelta,
            @Nullable Double trendScoreDelta,
            List<SignalMove> whyItMoved) {
        public Change {
            popularityDelta = Figures.round(popularityDelta);
            momentumDelta = Figures.round(momentumDelta);
            momentumPctDelta = Figures.round(momentumPctDelta);
            trendScoreDelta = Figures.round(trendScoreDelta);
        }

    }

    @Schema(name = "SignalMove")
    public record SignalMove(
            @Schema(example = "github_topic_developers") String signal,
            @Schema(description = "The signal's contribution to the trend score now") double contribution,
            @Schema(description = "Its contribution in the reference quarter") double referenceContribution,
            @Schema(description = "contribution − referenceContribution") double change) {
        public SignalMove {
            contribution = Figures.round(contribution);
            referenceContribution = Figures.round(referenceContribution);
            change = Figures.round(change);
        }

    }

    @Schema(name = "SignalBreakdown", description = "What one signal brings to the score")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignalBreakdown(
            @Schema(example = "github_topic_developers") String signal,
            @Schema(description = "The quarter its newest data is from (freshness)", example = "2025-Q3") @Nullable String latestPeriod,
            @Schema(description = "How many quarters older than asOf that is", example = "0") int ageInQuarters,
            @Schema(description = "x: the share in latestPeriod (monthly signals: the quarter's mean)") @Nullable Double rawShare,
            @Schema(description = "L: mean share over the trailing year (a yearly signal: the edition's value)") @Nullable Double level,
            @Schema(description = "What L is a share of: the source's universe (v1, v2), the category's established "
                    + "technologies (v3), or the value as published (survey usage)", example = "category")
            LevelBasis levelBasis,
            @Schema(description = "A: L on the usage survey's scale (v3 when developer_usage is weighted), else null",
                    example = "7.4") @Nullable Double anchoredLevel,
            @Schema(description = "N = 100·L (or A when anchored) / the category's highest on this signal") @Nullable Double normalisedLevel,
            @Schema(description = "G = ln(L / L a year before), clamped to [−1, 1]: v1–v3's momentum, v4's recent "
                    + "change") @Nullable Double growth,
            @Schema(description = "The multi-year trend of the share (v4's momentum), null without one") @Nullable SignalTrend trend,
            @Schema(description = "Weight asked for") double weight,
            @Schema(description = "Weight used: weight · 0.5^(age/4)") double weightUsed,
            @Schema(description = "Share of the weight in popularity") @Nullable Double popularityShare,
            @Schema(description = "Share of the weight in momentum (v4: of the trends)") @Nullable Double momentumShare,
            @Schema(description = "t: its part of the trend score (trendScore = α·50 + Σ t)") @Nullable Double contribution,
            @Schema(description = "Whether the signal is overdue by the service's clock (see SignalFreshness in "
                    + "/api/v1/sources) and the late value would count in asOf: the score may move when it arrives",
                    example = "false") boolean overdue) {
        public SignalBreakdown {
            rawShare = Figures.round(rawShare);
            level = Figures.round(level);
            anchoredLevel = Figures.round(anchoredLevel);
            normalisedLevel = Figures.round(normalisedLevel);
            growth = Figures.round(growth);
            weight = Figures.round(weight);
            weightUsed = Figures.round(weightUsed);
            popularityShare = Figures.round(popularityShare);
            momentumShare = Figures.round(momentumShare);
            contribution = Figures.round(contribution);
        }

    }

    @Schema(name = "SignalTrend", description = "A signal's multi-year trend: the Theil–Sen slope of its log share "
            + "over the window (method v4)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignalTrend(
            @Schema(description = "b: log change per year", example = "0.0713") double slope,
            @Schema(description = "100·(e^b − 1): percent per year", example = "7.39") double slopePct,
            @Schema(description = "The slope's standard error, from the points' scatter around the line",
                    example = "0.0121") double standardError,
            @Schema(description = "The quarter of the window's first point", example = "2022-Q2") String from,
            @Schema(description = "The quarter of its last point", example = "2025-Q2") String to,
            @Schema(description = "Points in the window", example = "13") int points) {
        public SignalTrend {
            slope = Figures.round(slope);
            slopePct = Figures.round(slopePct);
            standardError = Figures.round(standardError);
        }
    }

    @Schema(name = "Attribution")
    public record Attribution(
            @Schema(example = "github-innovation-graph") String id,
            String name,
            @Schema(example = "CC0 1.0") String licence,
            String licenceUrl,
            String attribution) {
    }
}
