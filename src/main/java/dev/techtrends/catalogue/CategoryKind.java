package dev.techtrends.catalogue;

/** What kind of technologies a category groups. */
public enum CategoryKind {
    LANGUAGE,
    RUNTIME,
    FRAMEWORK,
    ARCHITECTURE,
    DATABASE,
    MESSAGING,
    INFRASTRUCTURE,
    CLOUD,
    API
}
