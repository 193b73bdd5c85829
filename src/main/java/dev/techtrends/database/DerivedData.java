package dev.techtrends.database;

import io.smallrye.mutiny.Uni;

/**
 * What the service derives from its catalogue and observations (the stored scores) follows every write by itself:
 * each write records in its own transaction what it made stale, and the recompute pays that debt. A writer that
 * changed something waits here for it before answering, so that its client reads scores that include the change.
 */
public interface DerivedData {

    /**
     * Completes when a recompute covering everything committed before this call has finished, or after the configured
     * wait: the write is stored either way, and what derives from it converges by itself.
     */
    Uni<Void> caughtUp();
}
