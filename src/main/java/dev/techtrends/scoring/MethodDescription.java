package dev.techtrends.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method version as it is published at /api/v1/methodology.
 *
 * @param formulas   the method step by step, in words
 * @param parameters every parameter by name (presets and thresholds included)
 * @param caveats    its known limits
 */
public record MethodDescription(List<String> formulas, Map<String, Object> parameters, List<String> caveats) {
    public MethodDescription {
        formulas = List.copyOf(formulas);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // keeps the published order
        caveats = List.copyOf(caveats);
    }
}
