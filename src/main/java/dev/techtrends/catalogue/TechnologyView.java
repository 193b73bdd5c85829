package dev.techtrends.catalogue;

import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Technology")
public record TechnologyView(
        @Schema(example = "nestjs") String slug,
        @Schema(example = "NestJS") String name,
        @Schema(description = "Slug of the category", example = "frameworks") String category,
        String description,
        @Schema(example = "https://nestjs.com") @Nullable String homepage,
        @Schema(example = "2017") @Nullable Integer firstReleased,
        @Schema(example = "[\"nest\", \"nest.js\"]") List<String> aliases,
        @Schema(description = "Relations from this technology: NestJS runs-on Node.js") List<Related> relations,
        @Schema(description = "Relations pointing at this technology: for Node.js, NestJS runs-on it")
        List<Related> relatedFrom,
        @Schema(description = "How the technology is named in each signal; several keys of one signal are summed. "
                + "Empty when no source covers it.") List<SourceKey> sourceKeys) {

    @Schema(name = "SourceKey")
    public record SourceKey(
            @Schema(example = "github_topic_developers") String signal,
            @Schema(example = "nestjs") String key) {
    }

    @Schema(name = "RelatedTechnology")
    public record Related(
            @Schema(example = "runs-on") String type,
            @Schema(example = "nodejs") String slug,
            @Schema(example = "Node.js") String name) {
    }
}
