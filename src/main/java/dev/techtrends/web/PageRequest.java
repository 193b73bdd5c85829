package dev.techtrends.web;

import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Page and size as the client sent them. They arrive as text so that "page=abc" is a 400 with a reason, not the
 * 404 that JAX-RS gives for an unconvertible query parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public static PageRequest parse(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int pageNumber = parseBounded("page", page, 1, 1, Integer.MAX_VALUE, errors);
        int pageSize = parseBounded("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid paging parameters.", errors);
        }
        return new PageRequest(pageNumber, pageSize);
    }

    private static int parseBounded(String name, String text, int fallback, int min, int max,
            List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be a whole number, got '" + text + "'"));
            return fallback;
        }
    }

    /** Rows before this page; a long, since page × size may exceed an int for an accepted page. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
