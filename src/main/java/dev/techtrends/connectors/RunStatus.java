package dev.techtrends.connectors;

/** Where a connector run stands: going on, or how it ended. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED
}
