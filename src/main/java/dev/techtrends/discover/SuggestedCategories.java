package dev.techtrends.discover;

import java.util.Locale;
import java.util.Map;

/**
 * The category an item obviously belongs to, where its source says so: GitHub counts languages, and the survey asks
 * about languages, databases, cloud platforms and web frameworks in questions of their own. Elsewhere (topics, job
 * terms, search names, the survey's mixed "other frameworks" and tools) no category is obvious, and none is guessed.
 */
final class SuggestedCategories {

    /** Survey sections by the words that name them in every edition, and the category of their items. */
    private static final Map<String, String> SURVEY_SECTIONS = Map.of(
            "language:", "languages",
            "programming, scripting", "languages",
            "programming languages", "languages",
            "database", "databases",
            "platform", "cloud",
            "webframe:", "frameworks",
            "web frameworks", "frameworks");

    private SuggestedCategories() {
    }

    static String of(String signal, String key) {
        if (signal.equals("github_language_developers")) {
            return "languages";
        }
        if (signal.equals("developer_usage")) {
            String section = (key.contains(" | ") ? key.substring(0, key.indexOf(" | ")) : key).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> words : SURVEY_SECTIONS.entrySet()) {
                if (section.contains(words.getKey())) {
                    return words.getValue();
                }
            }
        }
        return null;
    }
}
