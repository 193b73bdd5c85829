package dev.techtrends.openapi;

import dev.techtrends.scoring.Preset;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The method versions and their presets, from the registry: two components, MethodVersion and PresetName, that every
 * {@code method} and {@code preset} parameter and property refers to, with the default as example. A new method
 * version or preset is documented by being registered.
 */
final class MethodEnums {

    static final String METHOD_VERSION = "MethodVersion";
    static final String PRESET_NAME = "PresetName";

    private MethodEnums() {
    }

    static void apply(OpenAPI openAPI) {
        Set<Object> presets = new LinkedHashSet<>();
        for (ScoringMethod method : ScoringMethods.all()) {
            method.presets().stream().map(Preset::name).forEach(presets::add);
        }
        openAPI.getComponents().addSchema(METHOD_VERSION, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(new ArrayList<>(ScoringMethods.versions())));
        openAPI.getComponents().addSchema(PRESET_NAME, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(List.copyOf(presets)));
        String defaultMethod = ScoringMethods.defaultMethod().version();
        String defaultPreset = ScoringMethods.defaultMethod().defaultPreset().name();
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            List<Parameter> parameters = entry.getValue().getValue().getParameters();
            for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
                if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null) {
                    continue;
                }
                if ("method".equals(parameter.getName())) {
                    parameter.setSchema(reference(METHOD_VERSION));
                    parameter.setExample(defaultMethod);
                } else if ("preset".equals(parameter.getName())) {
                    parameter.setSchema(reference(PRESET_NAME));
                    parameter.setExample(defaultPreset);
                }
            }
        }
        for (Schema component : openAPI.getComponents().getSchemas().values()) {
            if (component.getProperties() == null) {
                continue;
            }
            Schema method = component.getProperties().get("method");
            if (method != null && method.getType() != null && method.getType().contains(Schema.SchemaType.STRING)) {
                component.addProperty("method", reference(METHOD_VERSION).description(method.getDescription())
                        .examples(List.of(defaultMethod)));
            }
            Schema preset = component.getProperties().get("preset");
            if (preset != null && preset.getType() != null && preset.getType().contains(Schema.SchemaType.STRING)) {
                component.addProperty("preset", reference(PRESET_NAME).description(preset.getDescription())
                        .examples(List.of(defaultPreset)));
            }
        }
    }

    private static Schema reference(String component) {
        return OASFactory.createSchema().ref("#/components/schemas/" + component);
    }
}
