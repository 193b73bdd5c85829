package dev.techtrends.signals.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.catalogue.BundledCatalogue;
import dev.techtrends.web.csv.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's mapping (catalogue/source_keys.csv) against the staged files it maps: every key of a bundled source
 * exists in its file, the survey never sums two answers of one multi-select question, and the keys of the live
 * connectors, which have no staged file, are at least well-formed. Plain JUnit, straight from the files.
 */
class BundledMappingTest {

    /** Stack Overflow's tag rule: lower case, at most 35 characters, letters, digits and + # . - only. */
    static final Pattern TAG = Pattern.compile("[a-z0-9+#][a-z0-9+#.-]{0,34}");
    /** A Wikipedia title as the pageviews API takes it: underscores for spaces, first letter capital, no '#'. */
    static final Pattern TITLE = Pattern.compile("[A-Z0-9.][^\\s#<>\\[\\]{}|]*");

    /** Where one sentence ends and the next begins ("Node.js" and "e.g." do not). */
    static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?]\\s+(?=[A-Z])");

    static List<Map<String, String>> sourceKeys() {
        return BundledCatalogue.rows("source_keys.csv");
    }

    static Set<String> keysOf(String signal) {
        Set<String> keys = new TreeSet<>();
        sourceKeys().stream().filter(row -> row.get("signal").equals(signal))
                .forEach(row -> keys.add(row.get("source_key")));
        return keys;
    }

    /** The items a signal's staged files hold (for the rows the import counts), with their number of values. */
    static Map<String, Integer> universe(String signal) {
        Map<String, Integer> items = new HashMap<>();
        for (V17__ImportBundledSources.BundledFile file : V17__ImportBundledSources.FILES) {
            if (!file.signal().equals(signal)) {
                continue;
            }
            for (Map<String, String> row : Csv.rows(read(file.resource()))) {
                if (file.include().test(row)) {
                    items.merge(file.key().apply(row), 1, Integer::sum);
                }
            }
        }
        return items;
    }

    static String read(String resource) {
        try (InputStream in = BundledMappingTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> bundledSignals() {
        return V17__ImportBundledSources.FILES.stream().map(V17__ImportBundledSources.BundledFile::signal).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledSignals")
    void everyMappedKeyOfABundledSourceIsAnItemOfItsStagedFile(String signal) {
        Set<String> keys = keysOf(signal);
        assertFalse(keys.isEmpty(), "the catalogue maps something of " + signal);
        Set<String> items = universe(signal).keySet();
        List<String> missing = keys.stream().filter(key -> !items.contains(key)).toList();
        assertEquals(List.of(), missing, signal + ": keys that are not in the staged file");
    }

    @Test
    void everySignalOfTheMappingIsBundledOrFedByAConnector() {
        Set<String> bundled = new HashSet<>(bundledSignals().toList());
        Set<String> signals = new TreeSet<>();
        sourceKeys().forEach(row -> signals.add(row.get("signal")));
        signals.removeAll(bundled);
        assertEquals(Set.of("stackoverflow_questions", "wikipedia_pageviews"), signals);
    }

    @Test
    void connectorKeysAreWellFormedTagsAndTitles() {
        // no staged file to check them against: the live APIs answer an unknown one with nothing (tags) or a 404
        // the run notes (titles), so a typo costs a signal, never a wrong value
        assertTrue(keysOf("stackoverflow_questions").size() >= 140);
        keysOf("stackoverflow_questions").forEach(tag -> assertTrue(TAG.matcher(tag).matches(), tag));
        assertTrue(keysOf("wikipedia_pageviews").size() >= 130);
        keysOf("wikipedia_pageviews").forEach(title -> assertTrue(TITLE.matcher(title).matches()
                && !title.endsWith("_"), title));
    }

    /**
     * The survey's items are answers to multi-select questions: two answers of one respondent would count twice in a
     * sum, so a technology has at most one key with a value in each edition (and population).
     */
    @Test
    void theSurveyNeverSumsTwoAnswersOfOneQuestion() {
        Map<String, Set<String>> editionsByKey = new HashMap<>();
        for (Map<String, String> row : Csv.rows(read("data/stackoverflow-survey/survey_usage_broad.csv"))) {
            if (row.get("population").equals(V17__ImportBundledSources.SURVEY_POPULATION)) {
                editionsByKey.computeIfAbsent(V17__ImportBundledSources.surveyItem(row), k -> new HashSet<>())
                        .add(row.get("edition"));
            }
        }
        Map<String, List<String>> clashes = new TreeMap<>();
        Map<String, Map<String, String>> keyByEdition = new HashMap<>();
        for (Map<String, String> key : sourceKeys()) {
            if (!key.get("signal").equals("developer_usage")) {
                continue;
            }
            for (String edition : editionsByKey.getOrDefault(key.get("source_key"), Set.of())) {
                String other = keyByEdition.computeIfAbsent(key.get("slug"), s -> new HashMap<>())
                        .putIfAbsent(edition, key.get("source_key"));
                if (other != null) {
                    clashes.computeIfAbsent(key.get("slug") + " " + edition, c -> new ArrayList<>())
                            .add(other + " + " + key.get("source_key"));
                }
            }
        }
        assertEquals(Map.of(), clashes);
    }

    @Test
    void theCatalogueFilesAgreeWithEachOther() {
        Set<String> categories = new HashSet<>();
        BundledCatalogue.rows("categories.csv").forEach(row -> categories.add(row.get("slug")));
        Set<String> slugs = new HashSet<>();
        for (Map<String, String> technology : BundledCatalogue.technologies()) {
            String slug = technology.get("slug");
            assertTrue(slugs.add(slug), "one row per technology: " + slug);
            assertTrue(categories.contains(technology.get("category")), slug + " " + technology.get("category"));
            String description = technology.get("description");
            long sentences = 1 + SENTENCE_BREAK.matcher(description).results().count();
            assertTrue(description.length() >= 40 && description.endsWith(".") && sentences <= 3,
                    slug + ": a description of one to three sentences, " + sentences);
            assertTrue(technology.get("homepage").startsWith("https://"), slug + " has a homepage");
            String released = technology.get("first_released");
            assertTrue(released.isEmpty() || Integer.parseInt(released) >= 1950 && Integer.parseInt(released) <= 2025,
                    slug + " " + released);
        }
        for (Map<String, String> relation : BundledCatalogue.rows("relations.csv")) {
            assertTrue(slugs.contains(relation.get("source")) && slugs.contains(relation.get("target")),
                    relation::toString);
            assertTrue(Set.of("runs-on", "written-in", "implements").contains(relation.get("type")),
                    relation::toString);
        }
        sourceKeys().forEach(key -> assertTrue(slugs.contains(key.get("slug")), key::toString));
        BundledCatalogue.rows("series_breaks.csv").forEach(row -> assertTrue(slugs.contains(row.get("slug")),
                row::toString));
    }
}
