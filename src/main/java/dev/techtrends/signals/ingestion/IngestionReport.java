package dev.techtrends.signals.ingestion;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "IngestionReport", description = "What an accepted upload changed")
public record IngestionReport(
        @Schema(example = "7") long id,
        OffsetDateTime receivedAt,
        @Schema(description = "The API key's principal", example = "admin-key-1") String receivedBy,
        @Schema(example = "csv") UploadFormat format,
        @Schema(description = "Data rows in the upload", example = "3") int rows,
        @Schema(description = "Observations that did not exist", example = "1") int inserted,
        @Schema(description = "Observations whose value or raw count changed", example = "1") int updated,
        @Schema(description = "Observations already stored with the same values", example = "1") int unchanged) {
}
