package dev.techtrends.openapi;

import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

/**
 * Every set of allowed values is a Java enum of the service, which SmallRye makes one component named after the type
 * (ScoreOrder), so a generated client has one type per concept; here its values become the ones on the wire
 * ({@link Labels}: {@code trend}, not {@code TREND}). The method versions and presets come from the registry
 * ({@link MethodEnums}). A set of values written anywhere else fails the build.
 */
final class SharedEnums {

    private static final String SERVICE_PACKAGE = "dev.techtrends.";

    private SharedEnums() {
    }

    static void apply(OpenAPI openAPI, IndexView index) {
        Map<String, Class<? extends Enum<?>>> enums = serviceEnums(index);
        Map<List<String>, Class<? extends Enum<?>>> byConstants = new HashMap<>();
        enums.values().forEach(type -> byConstants.put(constants(type), type));
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        components.forEach((name, schema) -> {
            Class<? extends Enum<?>> type = enums.get(name);
            if (type != null && schema.getEnumeration() != null) {
                schema.setEnumeration(new ArrayList<>(Labels.all(type)));
            }
        });
        // A text field documented by its enum (@Schema(implementation = …)) gets the values inline: refer instead.
        Map<String, Schema> added = new HashMap<>();
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            List<Parameter> parameters = entry.getValue().getValue().getParameters();
            for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
                parameter.setSchema(shared(parameter.getSchema(), byConstants, components, added,
                        entry.getKey() + " ?" + parameter.getName()));
            }
        }
        components.forEach((name, schema) -> {
            if (schema.getProperties() != null && !enums.containsKey(name)) {
                Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
                properties.replaceAll((property, value) -> shared(value, byConstants, components, added,
                        name + "." + property));
                schema.setProperties(properties);
            }
        });
        added.forEach(openAPI.getComponents()::addSchema);
    }

    /**
     * The schema, with values written inline replaced by a reference to their enum's component; fails on values that
     * are no enum's of the service.
     */
    private static Schema shared(Schema schema, Map<List<String>, Class<? extends Enum<?>>> byConstants,
            Map<String, Schema> components, Map<String, Schema> added, String where) {
        if (schema == null) {
            return null;
        }
        if (schema.getAnyOf() != null) {
            schema.setAnyOf(schema.getAnyOf().stream()
                    .map(option -> shared(option, byConstants, components, added, where)).toList());
        }
        if (schema.getAllOf() != null) {
            schema.setAllOf(schema.getAllOf().stream()
                    .map(option -> shared(option, byConstants, components, added, where)).toList());
            Schema single = withItsDefault(schema);
            if (single != null) {
                return single;
            }
        }
        if (schema.getItems() != null) {
            schema.setItems(shared(schema.getItems(), byConstants, components, added, where));
        }
        if (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) {
            if (schema.getRef() != null) {
                schema.setType(null); // a reference says its type; SmallRye adds "string" beside an enum's
            }
            return schema;
        }
        Class<? extends Enum<?>> type = byConstants.get(schema.getEnumeration().stream().map(String::valueOf).toList());
        if (type == null) {
            throw new IllegalStateException(where + " lists its values inline " + schema.getEnumeration()
                    + ": type it as a Java enum of the service instead");
        }
        String name = type.getSimpleName();
        if (!components.containsKey(name)) {
            added.computeIfAbsent(name, key -> OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(new ArrayList<>(Labels.all(type))));
        }
        return OASFactory.createSchema().ref("#/components/schemas/" + name).description(schema.getDescription())
                .examples(schema.getExamples()).defaultValue(schema.getDefaultValue());
    }

    /**
     * SmallRye writes an enum parameter with a {@code @DefaultValue} as allOf its component and the default; the
     * reference with the default beside it says the same, and a generated client reads it as the enum's type.
     */
    private static Schema withItsDefault(Schema schema) {
        List<Schema> parts = schema.getAllOf();
        if (parts.size() != 2 || parts.get(0).getRef() == null || parts.get(1).getDefaultValue() == null
                || parts.get(1).getAll().size() != 1) {
            return null;
        }
        return OASFactory.createSchema().ref(parts.get(0).getRef()).defaultValue(parts.get(1).getDefaultValue())
                .description(schema.getDescription());
    }

    private static List<String> constants(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }

    /** The service's enums by simple name: the names SmallRye gives their components. */
    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Enum<?>>> serviceEnums(IndexView index) {
        Map<String, Class<? extends Enum<?>>> enums = new HashMap<>();
        for (ClassInfo info : index.getKnownClasses()) {
            String className = info.name().toString();
            if (!info.isEnum() || !className.startsWith(SERVICE_PACKAGE)) {
                continue;
            }
            try {
                Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) Class.forName(className, false,
                        Thread.currentThread().getContextClassLoader());
                Class<?> other = enums.put(type.getSimpleName(), type);
                if (other != null && other != type) {
                    throw new IllegalStateException("Two enums named " + type.getSimpleName() + ": "
                            + other.getName() + " and " + className + "; their components would clash");
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The index names " + className + ", which does not load", e);
            }
        }
        return enums;
    }
}
