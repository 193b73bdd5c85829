package dev.techtrends.catalogue;

import dev.techtrends.web.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "CategoryInput", description = "A category as written by an admin (POST, PUT; PATCH takes any subset)")
public record CategoryInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(example = "message-brokers") String slug,
        @NotBlank @Size(max = 120) @Schema(example = "Message brokers") String name,
        @NotNull @OneOf(CategoryKind.class) @Schema(example = "architecture", implementation = CategoryKind.class)
        String kind,
        @NotBlank @Size(max = 4000)
        @Schema(example = "Servers that move messages between services asynchronously.") String description) {
}
