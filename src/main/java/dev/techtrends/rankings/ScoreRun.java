package dev.techtrends.rankings;

import dev.techtrends.scoring.Quarter;

/** The stored scores' range and the data version they were computed from. */
public record ScoreRun(Quarter firstQuarter, Quarter asOf, long dataVersion) {
}
