package dev.techtrends.catalogue;

import dev.techtrends.web.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "TechnologyInput", description = "A technology as written by an admin (POST, PUT; PATCH takes any subset)")
public record TechnologyInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(example = "hono") String slug,
        @NotBlank @Size(max = 120) @Schema(example = "Hono") String name,
        @NotBlank @Schema(description = "Slug of the category", example = "frameworks") String category,
        @NotBlank @Size(max = 4000)
        @Schema(example = "A small web framework built on Web Standards that runs on many JavaScript runtimes.")
        String description,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(example = "https://hono.dev") String homepage,
        @Min(1940) @Max(2100) @Schema(example = "2021") Integer firstReleased,
        @Size(max = 50) @Schema(example = "[\"honojs\"]") List<@NotBlank @Size(max = 120) String> aliases,
        @Size(max = 50) List<@NotNull @Valid RelationInput> relations,
        @Size(max = 32) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "A finer split within the category (databases: relational, document, key-value…)",
                example = "relational") String type) {

    public TechnologyInput {
        aliases = aliases == null ? List.of() : aliases;
        relations = relations == null ? List.of() : relations;
    }

    @Schema(name = "RelationInput", description = "Reads \"this technology <type> <target>\"")
    public record RelationInput(
            @NotNull @OneOf(RelationType.class) @Schema(example = "runs-on", implementation = RelationType.class)
            String type,
            @NotBlank @Schema(description = "Slug of the related technology", example = "nodejs") String target) {
    }
}
