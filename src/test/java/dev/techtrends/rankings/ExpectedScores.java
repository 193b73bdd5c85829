package dev.techtrends.rankings;

import dev.techtrends.catalogue.BundledCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Method v1 (DESIGN §3) written out again, plainly, for the tests: quarterly shares straight from the bundled CSV
 * files, then levels, normalised levels, growths, stale weights, P, M and T. It uses nothing of
 * {@code dev.techtrends.scoring}, so the service's answers are checked against an independent computation.
 * Quarters are plain ints: {@code year * 4 + quarter - 1}.
 */
final class ExpectedScores {

    static final String TOPIC = "github_topic_developers";
    static final String LANGUAGE = "github_language_developers";
    static final String SEARCH = "search_interest";
    static final String QA = "qa_questions";
    static final String JOBS = "job_postings";

    /** The default weights (preset balanced), also the base of coverage. */
    static final Map<String, Double> BALANCED = Map.of(TOPIC, 0.30, LANGUAGE, 0.30, SEARCH, 0.20, QA, 0.20, JOBS, 0.0);

    /** The members of each category, by slug, as the bundled catalogue lists them. */
    static final List<String> ARCHITECTURE = members("architecture");
    static final List<String> LANGUAGES = members("languages");
    static final List<String> FRAMEWORKS = members("frameworks");

    static List<String> members(String category) {
        return BundledCatalogue.slugs(category).stream().sorted().toList();
    }

    /** One signal of a technology in a quarter: its newest data, carried forward when stale. */
    record Component(String signal, int dataQuarter, int age, double share, Double level, Double growth) {
    }

    /** What the API should answer for one technology. */
    record Expected(String technology, Double popularity, Double momentum, Double momentumPct, Double trendScore,
            double coverage, Map<String, Component> components, Map<String, Double> normalisedLevels) {
    }

    private static ExpectedScores bundled;

    /** Quarterly shares x by "signal|technology". */
    private final Map<String, NavigableMap<Integer, Double>> shares;

    private ExpectedScores(Map<String, NavigableMap<Integer, Double>> shares) {
        this.shares = shares;
    }

    /** The bundled data, read once. */
    static synchronized ExpectedScores bundled() {
        if (bundled == null) {
            bundled = new ExpectedScores(readBundledFiles());
        }
        return bundled;
    }

    /** The same data with one quarterly share replaced (or added), as an upload would. */
    ExpectedScores withShare(String signal, String technology, int quarter, double value) {
        Map<String, NavigableMap<Integer, Double>> copy = new HashMap<>();
        shares.forEach((key, series) -> copy.put(key, new TreeMap<>(series)));
        copy.computeIfAbsent(signal + "|" + technology, k -> new TreeMap<>()).put(quarter, value);
        return new ExpectedScores(copy);
    }

    /** x[s,i,q], or null. */
    Double share(String signal, String technology, int quarter) {
        NavigableMap<Integer, Double> series = shares.get(signal + "|" + technology);
        return series == null ? null : series.get(quarter);
    }

    /** The newest quarter of any series: the default asOf. */
    int newestQuarter() {
        return shares.values().stream().mapToInt(NavigableMap::lastKey).max().orElseThrow();
    }

    /** The oldest quarter of any series: the first quarter with a component, so the first one scored. */
    int firstQuarter() {
        return shares.values().stream().mapToInt(NavigableMap::firstKey).min().orElseThrow();
    }

    /** The newest quarter of one signal over all technologies. */
    int newestQuarter(String signal) {
        return shares.entrySet().stream().filter(e -> e.getKey().startsWith(signal + "|"))
                .mapToInt(e -> e.getValue().lastKey()).max().orElseThrow();
    }

    /** Step 1: the mean share of q-3..q, given at least 3 of those 4 quarters. */
    private static Double level(NavigableMap<Integer, Double> series, int quarter) {
        double sum = 0;
        int count = 0;
        for (int q = quarter - 3; q <= quarter; q++) {
            Double x = series.get(q);
            if (x != null) {
                sum += x;
                count++;
            }
        }
        return count >= 3 ? sum / count : null;
    }

    /** The component of a signal in quarter q: from its newest data at or before q, unless that is over 8 old. */
    Component component(String signal, String technology, int quarter) {
        NavigableMap<Integer, Double> series = shares.get(signal + "|" + technology);
        if (series == null || series.floorKey(quarter) == null) {
            return null;
        }
        int dataQuarter = series.floorKey(quarter);
        int age = quarter - dataQuarter;
        if (age > 8) {
            return null;
        }
        Double level = level(series, dataQuarter);
        Double yearAgo = level(series, dataQuarter - 4);
        Double growth = null;
        if (level != null && yearAgo != null && level > 0 && yearAgo > 0) {
            growth = Math.max(-1, Math.min(1, Math.log(level / yearAgo)));
        }
        return new Component(signal, dataQuarter, age, series.get(dataQuarter), level, growth);
    }

    /** Steps 2 to 6 for every technology of a category in one quarter. */
    Map<String, Expected> category(List<String> technologies, int quarter, Map<String, Double> weights, double alpha) {
        Map<String, Map<String, Component>> components = new LinkedHashMap<>();
        Map<String, Double> highest = new HashMap<>();
        for (String technology : technologies) {
            Map<String, Component> ofTechnology = new TreeMap<>();
            for (String signal : BALANCED.keySet()) {
                Component component = component(signal, technology, quarter);
                if (component != null) {
                    ofTechnology.put(signal, component);
                    if (component.level() != null) {
                        highest.merge(signal, component.level(), Math::max);
                    }
                }
            }
            components.put(technology, ofTechnology);
        }
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (String technology : technologies) {
            double popularityWeights = 0;
            double popularitySum = 0;
            double momentumWeights = 0;
            double momentumSum = 0;
            double coverage = 0;
            Map<String, Double> normalised = new TreeMap<>();
            for (Component c : components.get(technology).values()) {
                Double n = c.level() == null ? null : 100 * c.level() / highest.get(c.signal());
                if (n != null) {
                    normalised.put(c.signal(), n);
                    coverage += BALANCED.get(c.signal());
                }
                double w = weights.getOrDefault(c.signal(), 0.0) * Math.pow(0.5, c.age() / 4.0);
                if (w == 0) {
                    continue;
                }
                if (n != null) {
                    popularityWeights += w;
                    popularitySum += w * n;
                }
                if (c.growth() != null) {
                    momentumWeights += w;
                    momentumSum += w * c.growth();
                }
            }
            Double p = popularityWeights > 0 ? popularitySum / popularityWeights : null;
            Double m = momentumWeights > 0 ? momentumSum / momentumWeights : null;
            Double t = p == null || m == null ? null
                    : (1 - alpha) * p + alpha * (50 + 50 * Math.max(-1, Math.min(1, m / Math.log(2))));
            expected.put(technology, new Expected(technology, p, m, m == null ? null : 100 * (Math.exp(m) - 1), t,
                    coverage, components.get(technology), normalised));
        }
        return expected;
    }

    Map<String, Expected> category(List<String> technologies, int quarter) {
        return category(technologies, quarter, BALANCED, 0.5);
    }

    /** The ranking order: figure descending, then slug; those without the figure last, by slug. */
    static List<String> order(Map<String, Expected> expected, Function<Expected, Double> figure) {
        List<Expected> list = new ArrayList<>(expected.values());
        list.sort(Comparator.comparing(figure, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Expected::technology));
        return list.stream().map(Expected::technology).toList();
    }

    /** Step 8: the first matching stage, null without a momentum. */
    static String stage(Expected e) {
        if (e.momentum() == null) {
            return null;
        }
        if (e.popularity() != null && e.popularity() >= 50 && e.momentum() >= Math.log(0.9)) {
            return "adopt";
        }
        if (e.momentum() >= Math.log(1.15)) {
            return "trial";
        }
        return e.momentum() >= 0 ? "assess" : "hold";
    }

    static int quarter(String text) {
        String[] parts = text.split("-Q");
        return Integer.parseInt(parts[0]) * 4 + Integer.parseInt(parts[1]) - 1;
    }

    static String quarter(int quarter) {
        return String.format("%04d-Q%d", Math.floorDiv(quarter, 4), Math.floorMod(quarter, 4) + 1);
    }

    private static int quarterOfDate(String date) {
        return Integer.parseInt(date.substring(0, 4)) * 4 + (Integer.parseInt(date.substring(5, 7)) - 1) / 3;
    }

    // --- reading the files ---------------------------------------------------------------------------------------

    private static Map<String, NavigableMap<Integer, Double>> readBundledFiles() {
        // how each technology is named in each signal (catalogue/source_keys.csv): a key may feed two technologies
        // (an umbrella and its member), and several keys of one technology are summed
        Map<String, Map<String, List<String>>> keys = new HashMap<>();
        for (Map<String, String> key : BundledCatalogue.rows("source_keys.csv")) {
            keys.computeIfAbsent(key.get("signal"), s -> new HashMap<>())
                    .computeIfAbsent(key.get("source_key"), k -> new ArrayList<>()).add(key.get("slug"));
        }
        // "signal|technology" -> period start -> summed share
        Map<String, TreeMap<String, Double>> byPeriod = new HashMap<>();
        read(byPeriod, keys.get(SEARCH), SEARCH, "data/pypl/pypl_languages_monthly.csv", "language", "month", "share",
                row -> true);
        read(byPeriod, keys.get(SEARCH), SEARCH, "data/pypl/pypl_databases_monthly.csv", "database", "month", "share",
                row -> true);
        read(byPeriod, keys.get(QA), QA, "data/stackoverflow-sede/so_questions_monthly.csv", "tag", "month",
                "share_of_listed_tags", row -> true);
        read(byPeriod, keys.get(LANGUAGE), LANGUAGE, "data/github-innovation-graph/languages_global_quarterly.csv",
                "language", "period_start", "share_of_sum", row -> true);
        read(byPeriod, keys.get(TOPIC), TOPIC, "data/github-innovation-graph/topics_global_quarterly.csv", "topic",
                "period_start", "share_of_sum", row -> true);
        // HN months with fewer than 100 postings are left out (the source's PROVENANCE.md)
        read(byPeriod, keys.get(JOBS), JOBS, "data/hn-hiring-trends/hn_hiring_monthly.csv", "term", "month",
                "share_of_postings", row -> Integer.parseInt(row.get("postings_total")) >= 100);

        Map<String, NavigableMap<Integer, Double>> quarterly = new HashMap<>();
        byPeriod.forEach((key, periods) -> {
            NavigableMap<Integer, Double> series = new TreeMap<>();
            if (key.startsWith(TOPIC + "|") || key.startsWith(LANGUAGE + "|")) {
                periods.forEach((start, value) -> series.put(quarterOfDate(start), value));
            } else {
                // a quarter is the mean of its three months; with a month missing it is missing
                Map<Integer, List<Double>> months = new TreeMap<>();
                periods.forEach((start, value) -> months.computeIfAbsent(quarterOfDate(start), q -> new ArrayList<>())
                        .add(value));
                months.forEach((q, values) -> {
                    if (values.size() == 3) {
                        series.put(q, (values.get(0) + values.get(1) + values.get(2)) / 3);
                    }
                });
            }
            if (!series.isEmpty()) {
                quarterly.put(key, series);
            }
        });
        return quarterly;
    }

    private static void read(Map<String, TreeMap<String, Double>> into, Map<String, List<String>> keys,
            String signal, String resource, String keyColumn, String periodColumn, String valueColumn,
            Predicate<Map<String, String>> include) {
        for (Map<String, String> row : rows(resource)) {
            if (!include.test(row)) {
                continue;
            }
            for (String technology : keys.getOrDefault(row.get(keyColumn), List.of())) {
                into.computeIfAbsent(signal + "|" + technology, k -> new TreeMap<>())
                        .merge(row.get(periodColumn), Double.parseDouble(row.get(valueColumn)), Double::sum);
            }
        }
    }

    /** Naive CSV: none of the bundled files quotes a cell. */
    static List<Map<String, String>> rows(String resource) {
        try (InputStream in = ExpectedScores.class.getClassLoader().getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[0].strip().split(",");
            List<Map<String, String>> rows = new ArrayList<>(lines.length);
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].strip().split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], cells[c]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
