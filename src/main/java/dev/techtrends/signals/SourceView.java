package dev.techtrends.signals;

import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Source", description = "A publisher of popularity data, with the licence and the attribution to show")
public record SourceView(
        @Schema(example = "github-innovation-graph") String id,
        @Schema(example = "GitHub Innovation Graph (languages and repository topics)") String name,
        @Schema(example = "GitHub") String publisher,
        @Schema(example = "https://innovationgraph.github.com/") String url,
        @Schema(example = "CC0 1.0") String licence,
        @Schema(example = "https://creativecommons.org/publicdomain/zero/1.0/") String licenceUrl,
        @Schema(description = "Text to show wherever numbers derived from the source appear") String attribution,
        @Schema(description = "Upstream repository and commit of the data") String version,
        @Schema(example = "2026-03-26") LocalDate retrievedAt,
        @Schema(description = "Keys of the signals this source provides",
                example = "[\"github_language_developers\", \"github_topic_developers\"]") List<String> signals,
        @Schema(description = "How current each of its signals is, in the order of signals (see SignalFreshness); "
                + "given by /api/v1/sources, null where a source is cited for attribution (a series' sources)")
        @Nullable List<SignalFreshnessView> freshness) {

    /** The source with the freshness of its signals. */
    public SourceView withFreshness(List<SignalFreshnessView> signalFreshness) {
        return new SourceView(id, name, publisher, url, licence, licenceUrl, attribution, version, retrievedAt, signals,
                signalFreshness);
    }
}
