package dev.techtrends.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Connector", description = "A scheduled job that fetches a signal from a live public API")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectorView(
        @Schema(example = "stackexchange") String name,
        @Schema(example = "stackoverflow_questions") String signal,
        @Schema(description = "TECH_TRENDS_CONNECTORS_<NAME>_ENABLED") boolean enabled,
        @Schema(description = "The API it calls", example = "https://api.stackexchange.com/2.3") String baseUrl,
        @Schema(description = "When it runs (cron, UTC)", example = "0 20 4 2 * ?") String schedule,
        @Schema(description = "The first month it backfills", example = "2008-09") String from,
        @Schema(description = "When the schedule runs it next on this replica; null when disabled") @Nullable OffsetDateTime nextRun,
        @Schema(description = "Its newest run, on any replica; null before the first") @Nullable ConnectorRunView lastRun) {
}
