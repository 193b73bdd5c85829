package dev.techtrends.web.openapi;

import dev.techtrends.scoring.Preset;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The {@code method} and {@code preset} parameters list exactly the registered method versions and their presets,
 * so the documented enums follow the code instead of annotations that must be kept in step by hand.
 */
final class MethodEnums {

    private MethodEnums() {
    }

    static void apply(OpenAPI openAPI) {
        Set<Object> presets = new LinkedHashSet<>();
        for (ScoringMethod method : ScoringMethods.all()) {
            method.presets().stream().map(Preset::name).forEach(presets::add);
        }
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            List<Parameter> parameters = entry.getValue().getValue().getParameters();
            for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
                if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null) {
                    continue;
                }
                if ("method".equals(parameter.getName())) {
                    parameter.getSchema().setEnumeration(new ArrayList<>(ScoringMethods.versions()));
                    parameter.setExample(ScoringMethods.defaultMethod().version());
                } else if ("preset".equals(parameter.getName())) {
                    parameter.getSchema().setEnumeration(List.copyOf(presets));
                    parameter.setExample(ScoringMethods.defaultMethod().defaultPreset().name());
                }
            }
        }
    }
}
