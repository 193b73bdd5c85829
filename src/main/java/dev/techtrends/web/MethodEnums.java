package dev.techtrends.web;

import dev.techtrends.scoring.Preset;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The {@code method} and {@code preset} parameters list exactly the registered method versions and their presets,
 * so the documented enums follow the code instead of annotations that must be kept in step by hand.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MethodEnums implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null) {
            return parameter;
        }
        if ("method".equals(parameter.getName())) {
            parameter.getSchema().setEnumeration(new ArrayList<>(ScoringMethods.versions()));
            parameter.setExample(ScoringMethods.defaultMethod().version());
        } else if ("preset".equals(parameter.getName())) {
            Set<Object> presets = new LinkedHashSet<>();
            for (ScoringMethod method : ScoringMethods.all()) {
                method.presets().stream().map(Preset::name).forEach(presets::add);
            }
            parameter.getSchema().setEnumeration(List.copyOf(presets));
            parameter.setExample(ScoringMethods.defaultMethod().defaultPreset().name());
        }
        return parameter;
    }
}
