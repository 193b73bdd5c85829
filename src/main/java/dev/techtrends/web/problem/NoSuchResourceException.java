package dev.techtrends.web.problem;

/** A named resource (technology, category, ...) does not exist. */
public class NoSuchResourceException extends RuntimeException {
    public NoSuchResourceException(String detail) {
        super(detail);
    }

    public static NoSuchResourceException of(String what, String slug) {
        return new NoSuchResourceException("No " + what + " has the slug '" + slug + "'.");
    }
}
