package dev.techtrends.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "ConnectorRun", description = "One run of a connector")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectorRunView(
        @Schema(example = "17") long id,
        @Schema(example = "stackexchange") String connector,
        @Schema(description = "What started it", example = "manual") RunTrigger trigger,
        @Schema(example = "succeeded") RunStatus status,
        OffsetDateTime startedAt,
        @Schema(description = "null while running") @Nullable OffsetDateTime finishedAt,
        @Schema(description = "Months fetched and stored or rejected", example = "3") int periodsFetched,
        @Schema(example = "32") int inserted,
        @Schema(example = "64") int updated,
        @Schema(description = "Rows of rejected months: none of them was stored", example = "0") int rejected,
        @Schema(description = "Requests made to the API, retries included", example = "99") int requests,
        @Schema(description = "What the API says remains of today's quota, where it says so", example = "9901")
        @Nullable Integer quotaRemaining,
        @Schema(description = "What the run skipped or where it stopped") @Nullable String notes,
        @Schema(description = "Why it failed or was skipped") @Nullable String error) {
}
