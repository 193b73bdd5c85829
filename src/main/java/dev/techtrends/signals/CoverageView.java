package dev.techtrends.signals;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Coverage", description = "What one signal holds for one technology; a technology no signal covers has "
        + "one entry with signal null and 0 points")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CoverageView(
        @Schema(example = "nestjs") String technology,
        @Schema(example = "frameworks") String category,
        @Schema(example = "github_topic_developers") String signal,
        @Schema(example = "2021-07-01") LocalDate firstPeriod,
        @Schema(example = "2025-07-01") LocalDate lastPeriod,
        @Schema(example = "17") long points) {
}
