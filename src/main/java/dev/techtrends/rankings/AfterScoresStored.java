package dev.techtrends.rankings;

import io.smallrye.mutiny.Uni;

/**
 * Data derived from the stored scores in turn (the feeds), brought up to date by the replica that stored them: after
 * each recompute that stored any, before the writers it covers are answered. A failure is logged, never the
 * recompute's.
 */
public interface AfterScoresStored {

    Uni<Void> scoresStored();
}
