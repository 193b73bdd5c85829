package dev.techtrends.catalogue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "SourceKeyInput", description = "How a technology is named in one signal: a GitHub topic or language, "
        + "a Hacker News term, a PYPL name, a Stack Overflow tag, a Wikipedia title, or a survey item written "
        + "\"<section> | <label>\" (see /api/v1/discover for the items no technology has yet)")
public record SourceKeyInput(
        @NotBlank @Size(max = 64) @Schema(example = "github_topic_developers") String signal,
        @NotBlank @Size(max = 400) @Schema(example = "fastify") String key) {
}
