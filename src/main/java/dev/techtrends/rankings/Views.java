package dev.techtrends.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.scoring.Direction;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.Nullable;
import dev.techtrends.web.NullableElements;
import dev.techtrends.web.csv.CsvTable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of rankings, movers, history, compare and methodology (the score's is {@link ScoreView}). */
@RegisterForReflection
public final class Views {
    private Views() {
    }

    @Schema(name = "Interval", description = "A 90 % interval of a figure, from how much its signals disagree "
            + "(method v4; see /api/v1/methodology)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Interval(@Schema(example = "61.4") double low, @Schema(example = "70.2") double high) {
        public Interval {
            low = Figures.round(low);
            high = Figures.round(high);
        }

        /** The interval of a score figure, null when there is none. */
        static Interval of(Score.Interval interval) {
            return interval == null ? null : new Interval(interval.low(), interval.high());
        }

        /** A log-change interval as percent, 100·(e^x − 1) at each end; null when there is none. */
        static Interval percent(Score.Interval interval) {
            return interval == null ? null : new Interval(100 * Math.expm1(interval.low()), 100 * Math.expm1(interval.high()));
        }

        public static Double low(Interval interval) {
            return interval == null ? null : interval.low();
        }

        public static Double high(Interval interval) {
            return interval == null ? null : interval.high();
        }
    }

    @Schema(name = "RankRange", description = "The ranks a technology could hold, given the intervals of the figure "
            + "ranked by (method v4): best counts those whose whole interval lies above its own, worst those whose "
            + "interval reaches above its low end")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RankRange(@Schema(example = "2") int best, @Schema(example = "4") int worst) {

        static RankRange of(Ranking.Placing placing) {
            return placing == null ? null : new RankRange(placing.rankRange().best(), placing.rankRange().worst());
        }
    }

    @Schema(name = "Ranking")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RankingView(
            String method,
            @Schema(description = "Category ranked; null for the overall ranking across categories", example = "architecture")
            @Nullable String category,
            @Schema(example = "2026-Q2") String asOf,
            @Schema(example = "trend") ScoreOrder sort,
            @Schema(description = "Preset used, null for custom weights (a preset refined by weights is custom "
                    + "unless the refinement changed nothing)", example = "balanced") @Nullable String preset,
            @Schema(description = "Weight per signal used", example = "{\"developer_usage\":0.5,\"github_topic_developers\":0.15,\"github_language_developers\":0.15,\"search_interest\":0.1,\"qa_questions\":0.1}")
            Map<String, Double> weights,
            @Schema(example = "0.5") double momentumWeight,
            @Schema(description = "How to read this ranking") String note,
            List<RankingItem> items,
            List<ScoreView.Attribution> sources) implements CsvTable {

        @Override
        public Class<RankingItem.CsvRow> csvRowType() {
            return RankingItem.CsvRow.class;
        }

        @Override
        public List<RankingItem.CsvRow> csvRows() {
            return items.stream().map(RankingItem::csvRow).toList();
        }
    }

    @Schema(name = "Movers")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MoversView(
            String method,
            @Schema(example = "2026-Q2") String asOf,
            @Schema(example = "rising") Direction direction,
            @Schema(description = "Category filter, null for all") @Nullable String category,
            @Schema(description = "Whether scores with confidence low were included") boolean includeLowConfidence,
            List<RankingItem> items,
            List<ScoreView.Attribution> sources) implements CsvTable {

        @Override
        public Class<RankingItem.CsvRow> csvRowType() {
            return RankingItem.CsvRow.class;
        }

        @Override
        public List<RankingItem.CsvRow> csvRows() {
            return items.stream().map(RankingItem::csvRow).toList();
        }
    }

    @Schema(name = "HistoryPoint")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HistoryPoint(
            @Schema(example = "2025-Q3") String quarter,
            @Nullable Double popularity, @Nullable Double momentum, @Nullable Double momentumPct, @Nullable Double trendScore,
            @Schema(description = "Rank by trend score in the category") @Nullable Integer rank,
            @Nullable String stage, double coverage, String confidence,
            @Schema(description = "rising, fading or steady; null without a momentum") @Nullable Direction direction,
            @Schema(description = "The one-year change, percent (v4)") @Nullable Double recentChangePct,
            @Schema(description = "The rank's tier in the category (v4)") @Nullable Integer tier,
            @Schema(description = "The ranks it could hold in the category (v4)") @Nullable RankRange rankRange,
            @Schema(description = "Popularity's 90 % interval (v4)") @Nullable Interval popularityInterval,
            @Schema(description = "momentumPct's 90 % interval (v4)") @Nullable Interval momentumPctInterval,
            @Schema(description = "The trend score's 90 % interval (v4)") @Nullable Interval trendScoreInterval) {
        public HistoryPoint {
            popularity = Figures.round(popularity);
            momentum = Figures.round(momentum);
            momentumPct = Figures.round(momentumPct);
            trendScore = Figures.round(trendScore);
            coverage = Figures.round(coverage);
            recentChangePct = Figures.round(recentChangePct);
        }

    }

    @Schema(name = "History")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HistoryView(
            @Schema(example = "nestjs") String technology,
            @Schema(example = "frameworks") String category,
            String method,
            @Schema(description = "Weight per signal used", example = "{\"developer_usage\":0.5,\"github_topic_developers\":0.15,\"github_language_developers\":0.15,\"search_interest\":0.1,\"qa_questions\":0.1}")
            Map<String, Double> weights,
            double momentumWeight,
            List<HistoryPoint> items,
            List<ScoreView.Attribution> sources) implements CsvTable {

        /** A line of the CSV form: the point with its technology. */
        public record CsvRow(String technology, String quarter, Double popularity, Double momentum,
                Double momentumPct, Double trendScore, Integer rank, String stage, double coverage,
                String confidence, String direction, Double recentChangePct, Integer tier, Integer rankBest,
                Integer rankWorst, Double popularityLow, Double popularityHigh, Double momentumPctLow,
                Double momentumPctHigh, Double trendScoreLow, Double trendScoreHigh) {
        }

        @Override
        public Class<CsvRow> csvRowType() {
            return CsvRow.class;
        }

        @Override
        public List<CsvRow> csvRows() {
            return items.stream().map(point -> new CsvRow(technology, point.quarter(), point.popularity(),
                    point.momentum(), point.momentumPct(), point.trendScore(), point.rank(), point.stage(),
                    point.coverage(), point.confidence(),
                    point.direction() == null ? null : point.direction().label(), point.recentChangePct(),
                    point.tier(), point.rankRange() == null ? null : point.rankRange().best(),
                    point.rankRange() == null ? null : point.rankRange().worst(),
                    Interval.low(point.popularityInterval()), Interval.high(point.popularityInterval()),
                    Interval.low(point.momentumPctInterval()), Interval.high(point.momentumPctInterval()),
                    Interval.low(point.trendScoreInterval()), Interval.high(point.trendScoreInterval()))).toList();
        }
    }

    @Schema(name = "Comparison", description = "Score history and per-signal series of several technologies on one "
            + "quarter axis: every array has one value per quarter of 'quarters', null where there is none")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CompareView(
            String method,
            @Schema(example = "2026-Q2") String asOf,
            List<String> quarters,
            List<ComparedTechnology> technologies,
            List<ScoreView.Attribution> sources) {
    }

    @Schema(name = "ComparedTechnology")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ComparedTechnology(
            @Schema(example = "nestjs") String technology,
            String name,
            String category,
            @NullableElements List<Double> trendScore,
            @NullableElements List<Double> popularity,
            @NullableElements List<Double> momentumPct,
            @Schema(description = "Per signal: its quarterly share (x) and normalised level (N), aligned on quarters")
            Map<String, SignalSeries> signals) {
        public ComparedTechnology {
            trendScore = Figures.round(trendScore);
            popularity = Figures.round(popularity);
            momentumPct = Figures.round(momentumPct);
        }

    }

    @Schema(name = "ComparedSignal")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignalSeries(@NullableElements List<Double> share, @NullableElements List<Double> normalisedLevel) {
        public SignalSeries {
            share = Figures.round(share);
            normalisedLevel = Figures.round(normalisedLevel);
        }

    }

    @Schema(name = "Methodology")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MethodologyView(
            @Schema(example = "v1") String version,
            @Schema(description = "The newest scored quarter, the default asOf", example = "2026-Q2") String defaultAsOf,
            @Schema(description = "The oldest scored quarter", example = "2005-Q1") String firstQuarter,
            @Schema(description = "The method, step by step, in words") List<String> formulas,
            @Schema(description = "Every parameter: default weights, presets, stage and confidence thresholds, ...")
            Map<String, Object> parameters,
            @Schema(description = "Known limits of this method version") List<String> caveats,
            List<ScoreView.Attribution> sources) {
    }

    @Schema(name = "Validation", description = "A method's record against survey editions it did not see")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ValidationView(
            @Schema(example = "v3") String method,
            @Schema(description = "How each result is computed") String procedure,
            @Schema(description = "Per category: the mean of each ρ over the editions where both the method's and the "
                    + "baseline's popularity ρ exist") List<ValidationSummary> summary,
            @Schema(description = "One per edition and category") List<ValidationResult> results,
            @Schema(description = "How each momentum result is computed") String momentumProcedure,
            @Schema(description = "Per category: the mean of each ρ over the editions where all three exist")
            List<MomentumValidationSummary> momentumSummary,
            @Schema(description = "The momentum track record: one per edition and category")
            List<MomentumValidationResult> momentumResults,
            @Schema(description = "The survey the results are measured against (ODbL 1.0)") ScoreView.Attribution source) {
    }

    @Schema(name = "MomentumValidationResult", description = "How well momenta known before an edition rank the "
            + "change of usage that edition confirmed over three years")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MomentumValidationResult(
            @Schema(description = "The survey edition E whose change is predicted", example = "2024") int edition,
            @Schema(example = "languages") String category,
            @Schema(description = "The quarter the momenta are computed at: before E was published", example = "2024-Q2")
            String asOf,
            @Schema(description = "Technologies with a realised change ln(U_E / U_E−3)", example = "24") int technologies,
            @Schema(description = "The method's momentum") Agreement momentum,
            @Schema(description = "Baseline: the survey's own last known change over as many years, ln(U_E−1 / U_E−4)")
            Agreement surveyBaseline,
            @Schema(description = "Baseline: method v3's one-year momentum") Agreement oneYearBaseline) {
    }

    @Schema(name = "Agreement", description = "How well a predictor ranks the realised changes")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Agreement(
            @Schema(description = "Spearman's ρ; null below 3 pairs", example = "0.82") @Nullable Double rho,
            @Schema(description = "Share of technologies on the same side of the median by both", example = "0.79")
            @Nullable Double rightSide,
            @Schema(description = "Technologies with both", example = "24") int pairs) {
        public Agreement {
            rho = Figures.round(rho);
            rightSide = Figures.round(rightSide);
        }
    }

    @Schema(name = "MomentumValidationSummary")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MomentumValidationSummary(
            @Schema(example = "languages") String category,
            @Schema(description = "Editions averaged: those where all three ρ exist", example = "5") int editions,
            @Schema(description = "Mean ρ of the method's momentum", example = "0.8") @Nullable Double momentum,
            @Schema(description = "Mean ρ of the survey's own last known change", example = "0.75") @Nullable Double surveyBaseline,
            @Schema(description = "Mean ρ of v3's one-year momentum", example = "0.4") @Nullable Double oneYearBaseline) {
        public MomentumValidationSummary {
            momentum = Figures.round(momentum);
            surveyBaseline = Figures.round(surveyBaseline);
            oneYearBaseline = Figures.round(oneYearBaseline);
        }
    }

    @Schema(name = "ValidationSummary")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ValidationSummary(
            @Schema(example = "frameworks") String category,
            @Schema(description = "Editions averaged: those with both ρ", example = "6") int editions,
            @Schema(description = "Mean Spearman ρ of popularity against the edition's usage", example = "0.98") @Nullable Double popularity,
            @Schema(description = "Mean ρ of the previous edition's usage against this one's", example = "0.95") @Nullable Double baseline,
            @Schema(description = "Mean ρ of momentum against usage growth", example = "0.4") @Nullable Double momentum) {
        public ValidationSummary {
            popularity = Figures.round(popularity);
            baseline = Figures.round(baseline);
            momentum = Figures.round(momentum);
        }

    }

    @Schema(name = "ValidationResult")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ValidationResult(
            @Schema(description = "The survey edition validated against", example = "2024") int edition,
            @Schema(example = "frameworks") String category,
            @Schema(description = "The quarter ranked: before the edition was published", example = "2024-Q2") String asOf,
            @Schema(description = "Technologies with a usage value in the edition", example = "10") int technologies,
            @Schema(description = "Spearman ρ of popularity against the edition's usage; null below 3 pairs", example = "0.99") @Nullable Double popularity,
            @Schema(example = "10") int popularityPairs,
            @Schema(description = "ρ of the previous edition's usage against this one's", example = "0.98") @Nullable Double baseline,
            @Schema(example = "9") int baselinePairs,
            @Schema(description = "ρ of momentum against ln(usage / previous usage), where no series break", example = "0.5") @Nullable Double momentum,
            @Schema(example = "8") int momentumPairs) {
        public ValidationResult {
            popularity = Figures.round(popularity);
            baseline = Figures.round(baseline);
            momentum = Figures.round(momentum);
        }

    }
}
