package dev.techtrends.catalogue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Category")
public record CategoryView(
        @Schema(example = "frameworks") String slug,
        @Schema(example = "Frameworks") String name,
        @Schema(example = "framework") CategoryKind kind,
        String description,
        @Schema(description = "How many technologies the category holds", example = "10") long technologyCount) {
}
