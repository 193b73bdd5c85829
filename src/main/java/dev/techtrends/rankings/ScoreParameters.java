package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.MethodV2;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Weights;
import dev.techtrends.web.InvalidInputException;
import dev.techtrends.web.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The query parameters every score read shares, validated: asOf (2025-Q3 or a date; null = the newest scored
 * quarter), weights or preset, and momentumWeight. Only the defaults can be answered from stored scores.
 */
public record ScoreParameters(String method, Quarter asOf, Weights weights, String preset, double momentumWeight) {

    public static final Set<String> SIGNALS = Set.of(MethodV1.GITHUB_TOPIC_DEVELOPERS,
            MethodV1.GITHUB_LANGUAGE_DEVELOPERS, MethodV1.SEARCH_INTEREST, MethodV1.QA_QUESTIONS, MethodV1.JOB_POSTINGS);

    public static ScoreParameters parse(String asOf, String weights, String preset, String momentumWeight) {
        return parse(null, asOf, weights, preset, momentumWeight);
    }

    public static ScoreParameters parse(String method, String asOf, String weights, String preset,
            String momentumWeight) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String methodVersion = method == null || method.isBlank() ? MethodV1.VERSION : method.strip();
        if (!methodVersion.equals(MethodV1.VERSION) && !methodVersion.equals(MethodV2.VERSION)) {
            errors.add(new Problem.FieldError("method", "must be v1 or v2, got '" + method + "'"));
        }
        Quarter quarter = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                quarter = parseQuarter(asOf.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("asOf", e.getMessage()));
            }
        }
        Weights parsedWeights = MethodV1.DEFAULT_WEIGHTS;
        String presetName = MethodV1.DEFAULT_PRESET;
        boolean hasWeights = weights != null && !weights.isBlank();
        boolean hasPreset = preset != null && !preset.isBlank();
        if (hasWeights && hasPreset) {
            errors.add(new Problem.FieldError("weights", "give weights or preset, not both"));
        } else if (hasWeights) {
            try {
                parsedWeights = Weights.parse(weights, SIGNALS);
                presetName = null;
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("weights", e.getMessage()));
            }
        } else if (hasPreset) {
            try {
                parsedWeights = Weights.preset(preset.strip());
                presetName = preset.strip();
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("preset", e.getMessage()));
            }
        }
        double alpha = MethodV1.DEFAULT_MOMENTUM_WEIGHT;
        if (momentumWeight != null && !momentumWeight.isBlank()) {
            try {
                alpha = Double.parseDouble(momentumWeight.strip());
                if (!(alpha >= 0 && alpha <= 1)) {
                    errors.add(new Problem.FieldError("momentumWeight", "must be between 0 and 1, got " + momentumWeight));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("momentumWeight", "must be a number between 0 and 1, got '"
                        + momentumWeight + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid score parameters.", errors);
        }
        return new ScoreParameters(methodVersion, quarter, parsedWeights, presetName, alpha);
    }

    static Quarter parseQuarter(String text) {
        if (text.contains("Q")) {
            return Quarter.parse(text);
        }
        try {
            return Quarter.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a quarter (2025-Q3) or a date (2025-08-15), got '" + text + "'");
        }
    }

    /** True when stored scores answer: method v1, default weights and momentum weight. */
    public boolean isDefault() {
        return method.equals(MethodV1.VERSION) && weights.equals(MethodV1.DEFAULT_WEIGHTS)
                && momentumWeight == MethodV1.DEFAULT_MOMENTUM_WEIGHT;
    }

    public boolean isV2() {
        return method.equals(MethodV2.VERSION);
    }

    /** A v1 ranking entry as this method presents it. */
    public dev.techtrends.scoring.Ranking.Entry present(dev.techtrends.scoring.Ranking.Entry v1) {
        return isV2() ? MethodV2.rescore(v1, weights) : v1;
    }

    /** The requested quarter, checked against the scored range; the newest scored quarter when none was asked. */
    public Quarter resolveAsOf(ScoreRun run) {
        if (asOf == null) {
            return run.asOf();
        }
        if (asOf.isBefore(run.firstQuarter()) || asOf.isAfter(run.asOf())) {
            throw new InvalidInputException("asOf", "is outside the data: scores exist from " + run.firstQuarter()
                    + " to " + run.asOf() + ", got " + asOf);
        }
        return asOf;
    }
}
