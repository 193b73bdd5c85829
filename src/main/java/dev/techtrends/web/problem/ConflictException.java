package dev.techtrends.web.problem;

/** The request is valid but clashes with stored data (duplicate slug, a delete that would orphan data). */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
