package dev.techtrends.charts;

/** What a change is measured against: the same quarter a year before, or the quarter before. */
public enum ChangeReference {
    YEAR,
    QUARTER
}
