package dev.techtrends.signals;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "SignalFreshness", description = "How current a signal's data is, by the service's clock (UTC). A "
        + "period is complete once its value is final: at its end for a signal without publication lag (the current "
        + "month of a monthly signal is partial while the source still counts it), publicationLagMonths after its "
        + "start for a signal with one (a survey edition is published once). The next update is expected when the "
        + "period after the newest complete one becomes complete; the signal is overdue once today is more than "
        + "graceDays past that date. A signal with no complete period held expects nothing and is not overdue.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SignalFreshnessView(
        @Schema(example = "stackoverflow_questions") String signal,
        @Schema(description = "Its cadence: one value per month, quarter or year", example = "month")
        Granularity nativeGranularity,
        @Schema(description = "Months from the start of a period until its value is published", example = "0")
        int publicationLagMonths,
        @Schema(description = "The newest complete period held: 2026-10 (month), 2026-Q3 (quarter) or 2024 (year); "
                + "null when none is", example = "2026-10") @Nullable String newestCompletePeriod,
        @Schema(description = "A held period newer than that which the source is still counting (same forms); null "
                + "when none is", example = "2026-11") @Nullable String newestPartialPeriod,
        @Schema(description = "When the period after newestCompletePeriod becomes complete; null when no complete "
                + "period is held", example = "2026-12-01") @Nullable LocalDate expectedNextUpdate,
        @Schema(description = "Days past expectedNextUpdate before the signal counts as overdue: 7 (month), 30 "
                + "(quarter), 90 (year)", example = "7") int graceDays,
        @Schema(description = "Whether today is more than graceDays past expectedNextUpdate", example = "false")
        boolean overdue,
        @Schema(description = "The connectors that write the signal; empty for a signal only bundled or uploaded "
                + "data feeds", example = "[\"stackexchange\"]") List<String> connectors,
        @Schema(description = "The newest run of those connectors, on any replica; null when there is none")
        @Nullable FeedRun lastRun) {

    @RegisterForReflection
    @Schema(name = "SignalFeedRun", description = "A connector run, as connector_run records it")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FeedRun(
            @Schema(example = "stackexchange") String connector,
            // the connectors' own enum (its floor is above this one), named by reference; connector_run holds labels
            @Schema(ref = "RunStatus", description = "How it ended, or running") String status,
            @Schema(example = "2026-11-02T04:20:00Z") OffsetDateTime startedAt,
            @Schema(description = "null while running", example = "2026-11-02T04:31:12Z")
            @Nullable OffsetDateTime finishedAt) {
    }
}
