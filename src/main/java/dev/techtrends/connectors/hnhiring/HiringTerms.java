package dev.techtrends.connectors.hnhiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The term rules the bundled HN series was counted with ({@code data/hn-hiring-trends/hn_hiring_terms.csv}, rules
 * of ryanwi/hiringtrends' {@code job_posting.rb}, see that folder's PROVENANCE.md), so that the months fetched
 * continue it: the text is lower-cased; a plain term matches a whole word after splitting on whitespace and
 * {@code ! | \ ; : , . ? / ' ( ) [ ]}, a term with a space or a dot any substring; {@code Term/alias[a|b]} matches
 * when an alias does (not the term itself), {@code Term/js[x]} when {@code x}, {@code x.js} or {@code xjs} does;
 * {@code golang} also matches the word {@code Go} as written.
 */
public final class HiringTerms {

    static final String RESOURCE = "data/hn-hiring-trends/hn_hiring_terms.csv";

    private static final Pattern SEPARATORS = Pattern.compile("[\\p{IsWhite_Space}!|\\\\;:,.?/'()\\[\\]]+");
    private static final Pattern MODIFIER_DATA = Pattern.compile("\\[(.*?)]");

    /** The rule of each term, e.g. {@code node.js} → {@code node.js/js[node]}. */
    private final Map<String, String> rules;

    HiringTerms(Map<String, String> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** The bundled rules, read from the classpath. */
    public static HiringTerms bundled() {
        try (InputStream in = HiringTerms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, String> rules = new LinkedHashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) { // after the header term,full_term
                int comma = line.indexOf(',');
                if (comma > 0) {
                    rules.put(line.substring(0, comma), line.substring(comma + 1).strip());
                }
            }
            return new HiringTerms(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knows(String term) {
        return rules.containsKey(term);
    }

    /**
     * Which of the given terms (known ones) the posting mentions. The posting is HN item text, HTML, matched as it is,
     * tags and entities included, exactly as the bundled series was counted (ryanwi/hiringtrends): a word glued to
     * markup ("&lt;p&gt;Rust") is missed there too, so the continued series stays comparable with the bundled one.
     */
    public Set<String> mentioned(String text, Collection<String> terms) {
        Posting posting = new Posting(text);
        return terms.stream().filter(term -> rules.containsKey(term) && matches(rules.get(term), posting))
                .collect(Collectors.toSet());
    }

    /** One posting's text, as the rules look at it. */
    private record Posting(String text, Set<String> words, Set<String> originalWords) {
        Posting(String original) {
            this(original.toLowerCase(Locale.ROOT), words(original.toLowerCase(Locale.ROOT)), words(original));
        }

        private static Set<String> words(String text) {
            return Arrays.stream(SEPARATORS.split(text)).filter(word -> !word.isEmpty()).collect(Collectors.toSet());
        }
    }

    private static boolean matches(String rule, Posting posting) {
        String[] parts = rule.split("/");
        if (parts.length > 1) {
            Matcher data = MODIFIER_DATA.matcher(parts[1]);
            if (!data.find()) {
                return false;
            }
            String values = data.group(1);
            if (parts[1].startsWith("js[")) {
                return matches(values, posting) || matches(values + ".js", posting) || matches(values + "js", posting);
            }
            return parts[1].startsWith("alias[")
                    && Arrays.stream(values.split("\\|")).anyMatch(alias -> matches(alias, posting));
        }
        String term = rule.toLowerCase(Locale.ROOT);
        if (term.contains(" ") || term.contains(".")) {
            return posting.text().contains(term);
        }
        return posting.words().contains(term) || term.equals("golang") && posting.originalWords().contains("Go");
    }
}
