package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodDescription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A method version as published: its description, the range it has scored, and every source's attribution. */
@ApplicationScoped
public class MethodologyService {

    private final RankingService rankings;
    private final ScoreRepository scores;

    public MethodologyService(RankingService rankings, ScoreRepository scores) {
        this.rankings = rankings;
        this.scores = scores;
    }

    public Uni<Views.MethodologyView> methodology(String method) {
        return rankings.parameters(ScoreQuery.of(method, null)).chain(parameters -> scores.run(parameters.method())
                .chain(run -> rankings.allSources().map(sources -> {
                    MethodDescription description = parameters.method().description();
                    return new Views.MethodologyView(parameters.method().version(), run.asOf().toString(),
                            run.firstQuarter().toString(), description.formulas(), description.parameters(),
                            description.caveats(), sources);
                })));
    }
}
