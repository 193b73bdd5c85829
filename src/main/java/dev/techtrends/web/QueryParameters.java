package dev.techtrends.web;

import dev.techtrends.web.problem.InvalidInputException;
import java.util.Arrays;
import java.util.List;

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

    /**
     * A list of slugs, as a form sends it (one parameter per ticked box) or as a link holds it (comma-separated),
     * blanks and repeats dropped, in order.
     *
     * @throws InvalidInputException "must name at least 1, got 0" or "must name at most 10, got 11"
     */
    public static List<String> slugs(String name, List<String> values, int min, int max) {
        List<String> slugs = (values == null ? List.<String>of() : values).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(slug -> !slug.isEmpty())
                .distinct().toList();
        if (slugs.size() < min) {
            throw new InvalidInputException(name, "must name at least " + min + ", got " + slugs.size());
        }
        if (slugs.size() > max) {
            throw new InvalidInputException(name, "must name at most " + max + ", got " + slugs.size());
        }
        return slugs;
    }

    /** The text stripped, or null when absent or blank. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
