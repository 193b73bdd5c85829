package dev.techtrends.signals;

import dev.techtrends.scoring.Granularity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Signal", description = "One measured quantity of a source")
public record SignalView(
        @Schema(example = "github_topic_developers") String key,
        @Schema(description = "Id of the source", example = "github-innovation-graph") String source,
        @Schema(example = "share of developer-topic pairs") String unit,
        @Schema(example = "quarter") Granularity nativeGranularity,
        @Schema(description = "Months from the start of a period until its value is published (a survey edition of "
                + "2024, released in July 2024: 6); scores use a value from the quarter it is published in",
                example = "0") int publicationLagMonths,
        String description,
        @Schema(description = "Smallest value ingestion accepts", example = "0") double minValue,
        @Schema(description = "Largest value ingestion accepts", example = "1") double maxValue,
        @Schema(example = "CC0 1.0") String licence,
        String attribution) {
}
