package dev.techtrends.catalogue;

/** The one slug rule, shared by validation and the database check constraints. */
final class Slugs {
    static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String MESSAGE = "must be lower-case letters and digits separated by single hyphens";

    private Slugs() {
    }
}
