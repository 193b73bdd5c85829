package dev.techtrends.web;

import dev.techtrends.web.problem.InvalidInputException;

/**
 * Query parameters arrive as text, so that "limit=ten" is a 400 naming the parameter rather than the 404 JAX-RS
 * gives for an unconvertible value; these read them.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number from min to max; the fallback when absent or blank. */
    public static int boundedInt(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** true or false; false when absent or blank. */
    public static boolean bool(String name, String text) {
        if (text == null || text.isBlank() || text.strip().equals("false")) {
            return false;
        }
        if (text.strip().equals("true")) {
            return true;
        }
        throw new InvalidInputException(name, "must be true or false, got '" + text + "'");
    }

    /** The text stripped, or null when absent or blank. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
