package dev.techtrends.web;

/** A named resource (technology, category, ...) does not exist. */
public class NotFoundProblem extends RuntimeException {
    public NotFoundProblem(String detail) {
        super(detail);
    }

    public static NotFoundProblem of(String what, String slug) {
        return new NotFoundProblem("No " + what + " has the slug '" + slug + "'.");
    }
}
