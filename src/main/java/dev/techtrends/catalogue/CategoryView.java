package dev.techtrends.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category")
public record CategoryView(
        @Schema(example = "frameworks") String slug,
        @Schema(example = "Frameworks") String name,
        @Schema(example = "framework", enumeration = {"language", "runtime", "framework", "architecture", "database"})
        String kind,
        String description,
        @Schema(description = "How many technologies the category holds", example = "10") long technologyCount) {
}
