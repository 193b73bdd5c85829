package dev.techtrends.discover;

import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Breakout", description = "An item of a source that no technology maps yet, with its multi-year growth")
public record BreakoutView(
        @Schema(description = "The signal whose universe holds the item", example = "github_topic_developers")
        String source,
        @Schema(description = "How the source names it; PUT it to /api/v1/technologies/{slug}/source-keys to map it",
                example = "fastify") String key,
        @Schema(description = "Its level now: the mean share over the trailing year (a survey's newest edition, in "
                + "percent of respondents)", example = "0.00041") double level,
        @Schema(description = "Its level at the start of the window, measured the same way", example = "0.00012")
        double levelThen,
        @Schema(description = "Growth between the two, percent per year", example = "51.2") double growthPctPerYear,
        @Schema(example = "2022-Q3") String from,
        @Schema(example = "2025-Q3") String to,
        @Schema(example = "share of developer-topic pairs") String unit,
        @Schema(description = "The category it obviously belongs to, where the source says so (a survey section, "
                + "GitHub's languages); null otherwise", example = "languages") @Nullable String suggestedCategory,
        @Schema(description = "Its values per period over the window (quarter means of monthly values)")
        List<Point> series,
        @Schema(description = "The source, its licence and the attribution it asks for") Attribution attribution) {

    @Schema(name = "BreakoutPoint")
    public record Point(@Schema(example = "2024-Q1") String period, @Schema(example = "0.00031") double value) {
    }

    @Schema(name = "BreakoutSource")
    public record Attribution(@Schema(example = "github-innovation-graph") String id,
            @Schema(example = "GitHub Innovation Graph") String name, @Schema(example = "CC0 1.0") String licence,
            String attribution) {
    }
}
