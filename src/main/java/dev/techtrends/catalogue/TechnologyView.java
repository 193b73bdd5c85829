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
        @Schema(description = "A finer split within the category, where one helps (databases: relational, "
                + "document, key-value, search, analytical…; clouds: hyperscaler, paas…); null otherwise",
                example = "relational") @Nullable String type,
        String description,
        @Schema(example = "https://nestjs.com") @Nullable String homepage,
        @Schema(example = "2017") @Nullable Integer firstReleased,
        @Schema(example = "[\"nest\", \"nest.js\"]") List<String> aliases,
        @Schema(description = "Relations from this technology: NestJS runs-on Node.js") List<Related> relations,
        @Schema(description = "Relations pointing at this technology: for Node.js, NestJS runs-on it")
        List<Related> relatedFrom,
        @Schema(description = "How the technology is named in each signal; several keys of one signal are summed. "
                + "Empty when no source covers it.") List<SourceKey> sourceKeys,
        @Schema(description = "How many signals hold data for it: with one, its scores rest on a single source and "
                + "say so (confidence low)", example = "4") int signalsWithData) {

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
