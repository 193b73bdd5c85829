package dev.techtrends.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How much each signal counts, by signal key. A signal not in the map counts 0.
 * Only ratios matter: popularity and momentum each renormalise by the sum of the weights they use.
 *
 * @param bySignal non-negative finite weights, at least one above 0; iterated in key order (so that sums over it
 *                 are the same on every run and replica) and looked up by hash (every score looks weights up per
 *                 signal)
 */
public record Weights(Map<String, Double> bySignal) {

    /** A plain decimal number: no hex, no {@code d}/{@code f} suffixes, which {@link Double#parseDouble} accepts. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final String EXPECTED_FORM = "expected signal:weight pairs separated by commas,"
            + " e.g. 'search_interest:1,qa_questions:0.5'";

    public Weights {
        Objects.requireNonNull(bySignal, "bySignal");
        TreeMap<String, Double> sorted = new TreeMap<>();
        boolean anyPositive = false;
        for (Map.Entry<String, Double> entry : bySignal.entrySet()) {
            String signal = Objects.requireNonNull(entry.getKey(), "signal key");
            Double weight = entry.getValue();
            if (weight == null || !Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weight of '" + signal + "' must be a finite number >= 0, got "
                        + weight);
            }
            sorted.put(signal, weight + 0.0); // + 0.0 turns -0.0 into 0.0
            anyPositive |= weight > 0;
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("at least one weight must be greater than 0");
        }
        bySignal = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** The weight of a signal, 0 if not given. */
    public double weightOf(String signal) {
        return bySignal.getOrDefault(signal, 0.0);
    }

    /** The sum of all weights. */
    public double total() {
        double total = 0;
        for (double weight : bySignal.values()) { // a loop: this runs for every score of a custom-weight answer
            total += weight;
        }
        return total;
    }

    /**
     * Parses user weights such as {@code github_topic_developers:0.5,search_interest:1}; signals not mentioned get 0.
     *
     * @param spec         the text of the {@code weights} parameter
     * @param knownSignals the signal keys a user may weight
     * @throws IllegalArgumentException with a reason naming the offending part: empty or malformed pair, unknown or
     *                                  repeated signal, a weight that is not a number, not finite or negative, or
     *                                  all weights 0
     */
    public static Weights parse(String spec, Set<String> knownSignals) {
        Map<String, Double> weights = pairs(spec, knownSignals);
        if (weights.values().stream().noneMatch(weight -> weight > 0)) {
            throw new IllegalArgumentException("weights: at least one weight must be greater than 0, got '"
                    + spec.strip() + "'");
        }
        return new Weights(weights);
    }

    /**
     * A preset refined by user weights: the preset's weights, with each signal named in {@code spec} set to the
     * weight given (0 takes it out).
     *
     * @throws IllegalArgumentException as {@link #parse}, or when no weight above 0 is left
     */
    public static Weights refine(Preset preset, String spec, Set<String> knownSignals) {
        Map<String, Double> weights = new LinkedHashMap<>(preset.weights().bySignal());
        weights.putAll(pairs(spec, knownSignals));
        if (weights.values().stream().noneMatch(weight -> weight > 0)) {
            throw new IllegalArgumentException("weights: '" + spec.strip() + "' leaves no weight above 0 in preset "
                    + preset.name());
        }
        return new Weights(weights);
    }

    /** The signal:weight pairs of a spec, in the order given, each checked. */
    private static Map<String, Double> pairs(String spec, Set<String> knownSignals) {
        Objects.requireNonNull(knownSignals, "knownSignals");
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("weights are empty; " + EXPECTED_FORM);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        String[] pairs = spec.split(",", -1); // -1 keeps trailing empty pairs, so "a:1," is reported
        for (int position = 0; position < pairs.length; position++) {
            String pair = pairs[position].strip();
            if (pair.isEmpty()) {
                throw new IllegalArgumentException("weights: pair " + (position + 1) + " is empty; " + EXPECTED_FORM);
            }
            String[] keyAndWeight = pair.split(":", -1);
            if (keyAndWeight.length != 2) {
                throw new IllegalArgumentException("weights: '" + pair + "' is not a signal:weight pair; "
                        + EXPECTED_FORM);
            }
            String signal = keyAndWeight[0].strip();
            String weightText = keyAndWeight[1].strip();
            if (signal.isEmpty()) {
                throw new IllegalArgumentException("weights: '" + pair + "' has no signal before the ':'");
            }
            if (!knownSignals.contains(signal)) {
                throw new IllegalArgumentException("weights: unknown signal '" + signal + "'; known signals: "
                        + String.join(", ", new TreeSet<>(knownSignals)));
            }
            if (weights.containsKey(signal)) {
                throw new IllegalArgumentException("weights: signal '" + signal + "' is given more than once");
            }
            weights.put(signal, parseWeight(signal, weightText));
        }
        return weights;
    }

    private static double parseWeight(String signal, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("weights: signal '" + signal + "' has no weight after the ':'");
        }
        if (NOT_FINITE.matcher(text).matches()) {
            throw new IllegalArgumentException("weights: weight of '" + signal + "' must be a finite number, got '"
                    + text + "'");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("weights: weight of '" + signal + "' is not a number: '" + text + "'");
        }
        double weight = Double.parseDouble(text);
        if (Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weights: weight of '" + signal + "' must be a finite number, got '"
                    + text + "' (too large)");
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weights: weight of '" + signal + "' must not be negative, got '"
                    + text + "'");
        }
        return weight;
    }
}
