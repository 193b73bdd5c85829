package dev.techtrends.rankings;

import dev.techtrends.scoring.Period;
import dev.techtrends.scoring.Preset;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import dev.techtrends.scoring.Weights;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link ScoreQuery} validated: the method, asOf (null = the method's newest scored quarter), weights (a preset's,
 * the client's, or a preset's refined by the client's) and α. Only the method's defaults can be answered from stored
 * scores.
 *
 * @param preset the preset's name, null for custom weights (a refined preset that changed nothing keeps its name)
 */
public record ScoreParameters(ScoringMethod method, Quarter asOf, Weights weights, String preset,
        double momentumWeight) {

    /**
     * Validates every parameter at once, so the client learns of all its mistakes in one answer.
     *
     * @param knownSignals the signal keys weights may name
     */
    public static ScoreParameters parse(ScoreQuery query, Set<String> knownSignals) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ScoringMethod method = ScoringMethods.defaultMethod();
        if (!isBlank(query.method())) {
            method = ScoringMethods.byVersion(query.method().strip()).orElse(null);
            if (method == null) {
                errors.add(new Problem.FieldError("method", "must be one of " + String.join(", ",
                        ScoringMethods.versions()) + ", got '" + query.method() + "'"));
                method = ScoringMethods.defaultMethod();
            }
        }
        Quarter quarter = null;
        if (!isBlank(query.asOf())) {
            try {
                Period asOf = Period.parse(query.asOf());
                if (asOf.kind() == Period.Kind.YEAR) {
                    // A year names four quarters; taking its first silently would answer another question.
                    throw new IllegalArgumentException("must name one quarter (2025-Q3), a month or a date in it, got "
                            + "the year '" + query.asOf().strip() + "'");
                }
                quarter = asOf.quarter();
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("asOf", e.getMessage()));
            }
        }
        // weights alone are the whole weighting; with a preset they refine it (signals named override, the rest stay)
        Preset preset = method.defaultPreset();
        if (!isBlank(query.preset())) {
            try {
                preset = method.preset(query.preset());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("preset", e.getMessage()));
            }
        }
        Weights weights = preset.weights();
        String presetName = preset.name();
        if (!isBlank(query.weights())) {
            try {
                weights = isBlank(query.preset()) ? Weights.parse(query.weights(), knownSignals)
                        : Weights.refine(preset, query.weights(), knownSignals);
                presetName = weights.equals(preset.weights()) ? preset.name() : null;
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("weights", e.getMessage()));
            }
        }
        double alpha = method.defaultMomentumWeight();
        if (!isBlank(query.momentumWeight())) {
            try {
                alpha = Double.parseDouble(query.momentumWeight().strip());
                if (!(alpha >= 0 && alpha <= 1)) {
                    errors.add(new Problem.FieldError("momentumWeight", "must be between 0 and 1, got "
                            + query.momentumWeight()));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("momentumWeight", "must be a number between 0 and 1, got '"
                        + query.momentumWeight() + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid score parameters.", errors);
        }
        return new ScoreParameters(method, quarter, weights, presetName, alpha);
    }

    /** True when stored scores answer: the method's default weights and momentum weight. */
    public boolean isDefault() {
        return weights.equals(method.defaultPreset().weights()) && momentumWeight == method.defaultMomentumWeight();
    }

    /** The requested quarter, checked against the scored range; the newest scored quarter when none was asked. */
    public Quarter resolveAsOf(ScoreRepository.Run run) {
        if (asOf == null) {
            return run.asOf();
        }
        if (asOf.isBefore(run.firstQuarter()) || asOf.isAfter(run.asOf())) {
            throw new InvalidInputException("asOf", "is outside the data: scores exist from " + run.firstQuarter()
                    + " to " + run.asOf() + ", got " + asOf);
        }
        return asOf;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
