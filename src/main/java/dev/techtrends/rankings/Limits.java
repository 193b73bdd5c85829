package dev.techtrends.rankings;

import dev.techtrends.web.InvalidInputException;

final class Limits {
    private Limits() {
    }

    static int parse(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit < 1 || limit > 100) {
                throw new InvalidInputException("limit", "must be between 1 and 100, got " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number, got '" + text + "'");
        }
    }
}
