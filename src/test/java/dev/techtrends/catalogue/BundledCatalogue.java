package dev.techtrends.catalogue;

import dev.techtrends.web.csv.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The bundled catalogue read straight from its files (src/main/resources/catalogue/), so that tests take counts and
 * members from the data the service imports, not from the service under test.
 */
public final class BundledCatalogue {

    private BundledCatalogue() {
    }

    /** The rows of one catalogue file, by column. */
    public static List<Map<String, String>> rows(String file) {
        try (InputStream in = BundledCatalogue.class.getClassLoader().getResourceAsStream("catalogue/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No catalogue file " + file);
            }
            return Csv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Map<String, String>> technologies() {
        return rows("technologies.csv");
    }

    /** The slugs of a category's technologies, in file order. */
    public static List<String> slugs(String category) {
        return technologies().stream().filter(row -> row.get("category").equals(category))
                .map(row -> row.get("slug")).toList();
    }

    /** The slugs of the technologies with a relation of this type to the target, sorted. */
    public static List<String> related(String type, String target) {
        return rows("relations.csv").stream()
                .filter(row -> row.get("type").equals(type) && row.get("target").equals(target))
                .map(row -> row.get("source")).sorted().toList();
    }

    /**
     * A category's slugs ordered by first release (newest first when descending), those without one last, the slug
     * breaking ties: the order of sort=firstReleased.
     */
    public static List<String> byFirstRelease(String category, boolean descending) {
        Comparator<Map<String, String>> byYear = Comparator.comparing(
                (Map<String, String> row) -> Integer.parseInt(row.get("first_released")));
        Comparator<Map<String, String>> bySlug = Comparator.comparing(row -> row.get("slug"));
        List<Map<String, String>> members = technologies().stream()
                .filter(row -> row.get("category").equals(category)).toList();
        List<String> ordered = new ArrayList<>();
        members.stream().filter(row -> !row.get("first_released").isEmpty())
                .sorted((descending ? byYear.reversed() : byYear).thenComparing(bySlug))
                .forEach(row -> ordered.add(row.get("slug")));
        members.stream().filter(row -> row.get("first_released").isEmpty()).sorted(bySlug)
                .forEach(row -> ordered.add(row.get("slug")));
        return ordered;
    }

    public static int count(String category) {
        return slugs(category).size();
    }

    public static int categoryCount() {
        return rows("categories.csv").size();
    }
}
