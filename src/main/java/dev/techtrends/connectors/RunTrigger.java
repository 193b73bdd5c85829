package dev.techtrends.connectors;

/** What started a connector run. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL
}
