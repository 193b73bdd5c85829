package dev.techtrends.catalogue;

/** How one technology relates to another: NestJS runs on Node.js, Rails is written in Ruby, Docker implements
 * containerization. */
public enum RelationType {
    RUNS_ON,
    WRITTEN_IN,
    IMPLEMENTS
}
