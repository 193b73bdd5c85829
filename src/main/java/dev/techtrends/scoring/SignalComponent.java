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
 * @param anchoredLevel   the level re-expressed on the scale of the category's usage survey (method v3), or
 *                        {@code null} when the method does not anchor or the category has no usage data
 * @param anchoredNormalisedLevel 100 × anchoredLevel / the category's highest anchored level; {@code null} when
 *                        anchoredLevel is
 * @param basis           what level is a share of
 * @param trend           the multi-year trend of the share up to dataQuarter (method v4), {@code null} when the method
 *                        has none or the window holds too few points
 */
public record SignalComponent(String signal, String technology, Quarter quarter, Quarter dataQuarter,
                              Double level, Double normalisedLevel, Double growth, Double anchoredLevel,
                              Double anchoredNormalisedLevel, LevelBasis basis, LogTrend trend) {

    /** A component without a multi-year trend (methods v1 to v3). */
    public SignalComponent(String signal, String technology, Quarter quarter, Quarter dataQuarter, Double level,
                           Double normalisedLevel, Double growth, Double anchoredLevel, Double anchoredNormalisedLevel,
                           LevelBasis basis) {
        this(signal, technology, quarter, dataQuarter, level, normalisedLevel, growth, anchoredLevel,
                anchoredNormalisedLevel, basis, null);
    }

    /** A component of a method that shares levels of the source's universe and does not anchor (v1, v2). */
    public SignalComponent(String signal, String technology, Quarter quarter, Quarter dataQuarter, Double level,
                           Double normalisedLevel, Double growth) {
        this(signal, technology, quarter, dataQuarter, level, normalisedLevel, growth, null, null, LevelBasis.UNIVERSE);
    }

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
        if ((anchoredLevel == null) != (anchoredNormalisedLevel == null) || anchoredLevel != null && level == null) {
            throw new IllegalArgumentException("anchoredLevel and anchoredNormalisedLevel need each other and a level");
        }
        Objects.requireNonNull(basis, "basis");
        if (trend != null && level == null) {
            throw new IllegalArgumentException("a trend needs a level");
        }
    }

    /**
     * This component as a score reads it: with the anchored normalised level in place of the own one when
     * {@code anchor} is asked and there is one, and without anchored figures otherwise.
     */
    public SignalComponent scoredWith(boolean anchor) {
        if (anchor && anchoredNormalisedLevel != null) {
            return new SignalComponent(signal, technology, quarter, dataQuarter, level, anchoredNormalisedLevel, growth,
                    anchoredLevel, anchoredNormalisedLevel, basis, trend);
        }
        return anchoredLevel == null ? this : new SignalComponent(signal, technology, quarter, dataQuarter, level,
                normalisedLevel, growth, null, null, basis, trend);
    }

    /** This component with its level re-expressed on the usage survey's scale. */
    public SignalComponent withAnchor(double anchored, double anchoredNormalised) {
        return new SignalComponent(signal, technology, quarter, dataQuarter, level, normalisedLevel, growth,
                anchored, anchoredNormalised, basis, trend);
    }

    /** This component with the multi-year trend of its series up to its data quarter. */
    public SignalComponent withTrend(LogTrend multiYearTrend) {
        return new SignalComponent(signal, technology, quarter, dataQuarter, level, normalisedLevel, growth,
                anchoredLevel, anchoredNormalisedLevel, basis, multiYearTrend);
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

    public boolean hasTrend() {
        return trend != null;
    }
}
