package dev.techtrends.scoring;

import java.util.Objects;

/**
 * Stage 1 output, and what gets stored: the level and growth of one signal for one technology in one quarter.
 * Scores for any weights and momentum weight are computed from these alone, without the observations.
 *
 * @param signal          signal key
 * @param technology      technology slug
 * @param quarter         the quarter scored
 * @param dataQuarter     the newest quarter up to {@code quarter} with an aligned value; older than {@code quarter}
 *                        when the source has not published yet, and then level and growth are those of dataQuarter
 * @param level           trailing-year mean of the share, {@code null} while fewer than 3 of the 4 quarters have data
 * @param normalisedLevel 100 × level / the category's highest level on this signal in {@code quarter};
 *                        {@code null} when level is
 * @param growth          year-on-year log growth of the level, clamped to [-1, 1]; {@code null} without a level a
 *                        year earlier, or when either level is 0
 */
public record SignalComponent(String signal, String technology, Quarter quarter, Quarter dataQuarter,
                              Double level, Double normalisedLevel, Double growth) {

    public SignalComponent {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(dataQuarter, "dataQuarter");
        if (dataQuarter.isAfter(quarter)) {
            throw new IllegalArgumentException("dataQuarter " + dataQuarter + " is after quarter " + quarter);
        }
        if ((level == null) != (normalisedLevel == null)) {
            throw new IllegalArgumentException("level and normalisedLevel must be both present or both absent");
        }
        if (growth != null && level == null) {
            throw new IllegalArgumentException("a growth needs a level");
        }
    }

    /** Staleness: how many quarters the data is older than the quarter scored (0 when current). */
    public int ageInQuarters() {
        return dataQuarter.quartersUntil(quarter);
    }

    public boolean hasLevel() {
        return level != null;
    }

    public boolean hasGrowth() {
        return growth != null;
    }
}
