package dev.techtrends.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Each set of allowed values becomes one named component that every parameter and property with those values
 * references, so a generated client has one type per concept (ScoreOrder) instead of one per operation. A new set
 * must be named here: the build fails on an unnamed one.
 */
final class SharedEnums {

    private static final Map<List<String>, String> NAMES = Map.ofEntries(
            Map.entry(List.of("v1", "v2", "v3"), "MethodVersion"),
            Map.entry(List.of("balanced", "developers", "learners", "jobs", "usage"), "PresetName"),
            Map.entry(List.of("trend", "popularity", "momentum"), "ScoreOrder"),
            Map.entry(List.of("trend", "popularity", "momentum", "signals"), "ChartMetric"),
            Map.entry(List.of("light", "dark"), "ChartTheme"),
            Map.entry(List.of("rising", "fading"), "MoversDirection"),
            Map.entry(List.of("name", "-name", "firstReleased", "-firstReleased"), "TechnologySort"),
            Map.entry(List.of("native", "quarter"), "SeriesGranularity"),
            Map.entry(List.of("year", "quarter"), "ChangeReference"),
            Map.entry(List.of("language", "runtime", "framework", "architecture", "database"), "CategoryKind"),
            Map.entry(List.of("schedule", "manual"), "RunTrigger"),
            Map.entry(List.of("running", "succeeded", "failed", "skipped"), "RunStatus"),
            Map.entry(List.of("json", "ndjson", "csv"), "UploadFormat"),
            Map.entry(List.of("runs-on", "written-in", "implements"), "RelationType"),
            Map.entry(List.of("month", "quarter", "year"), "Granularity"),
            Map.entry(List.of("universe", "category", "published"), "LevelBasis"),
            Map.entry(List.of("adopt", "trial", "assess", "hold"), "Stage"),
            Map.entry(List.of("low", "medium", "high"), "Confidence"));

    private SharedEnums() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> shared = new LinkedHashMap<>();
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            List<Parameter> parameters = entry.getValue().getValue().getParameters();
            if (parameters != null) {
                parameters.forEach(parameter -> parameter.setSchema(shared(parameter.getSchema(), shared)));
            }
        }
        for (Schema schema : List.copyOf(openAPI.getComponents().getSchemas().values())) {
            if (schema.getProperties() != null) {
                Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
                properties.replaceAll((name, property) -> shared(property, shared));
                schema.setProperties(properties);
            }
        }
        shared.forEach(openAPI.getComponents()::addSchema);
    }

    private static Schema shared(Schema schema, Map<String, Schema> shared) {
        if (schema == null) {
            return null;
        }
        if (schema.getAnyOf() != null) {
            schema.setAnyOf(schema.getAnyOf().stream().map(option -> shared(option, shared)).toList());
            return schema;
        }
        if (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) {
            return schema;
        }
        List<String> values = schema.getEnumeration().stream().map(String::valueOf).toList();
        String name = NAMES.get(values);
        if (name == null) {
            throw new IllegalStateException("Name the enum " + values + " in SharedEnums.NAMES");
        }
        shared.computeIfAbsent(name, key -> OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(List.copyOf(schema.getEnumeration())));
        boolean nullable = schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
        Schema reference = OASFactory.createSchema().ref("#/components/schemas/" + name)
                .description(schema.getDescription()).defaultValue(schema.getDefaultValue());
        if (schema.getExample() != null) {
            reference.setExamples(List.of(schema.getExample()));
        }
        return nullable ? SchemaNullability.orNull(reference) : reference;
    }
}
