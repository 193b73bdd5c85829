package dev.techtrends.signals.bundled;

import java.util.List;

/** GitHub Innovation Graph: developers per language and per repository topic, summed over economies. */
public class V7__ImportGithubInnovationGraph extends BundledSourceImport {
    @Override
    List<BundledFile> files() {
        return List.of(
                new BundledFile("github_language_developers", "data/github-innovation-graph/languages_global_quarterly.csv",
                        "language", "period_start", "share_of_sum", "num_pushers_sum", all()),
                new BundledFile("github_topic_developers", "data/github-innovation-graph/topics_global_quarterly.csv",
                        "topic", "period_start", "share_of_sum", "num_pushers_sum", all()));
    }
}
