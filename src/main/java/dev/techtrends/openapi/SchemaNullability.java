package dev.techtrends.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.web.Nullable;
import dev.techtrends.web.NullableElements;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says of every member of the read models whether it is always present and whether it can be null, from the records
 * themselves: a record that writes nulls (the default) has every member required, and those marked {@link Nullable}
 * typed "or null"; a record that omits nulls ({@code JsonInclude.NON_NULL}) has its {@link Nullable} members optional
 * instead. Generated clients then type {@code trendScore: number | null}, and the contract stage checks the answers.
 */
final class SchemaNullability {

    private SchemaNullability() {
    }

    static void apply(OpenAPI openAPI, List<Class<?>> models) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Class<?> model : models) {
            String name = SchemaNames.of(model);
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                throw new IllegalStateException("No schema " + name + " for " + model.getName() + " in the document");
            }
            JsonInclude include = model.getAnnotation(JsonInclude.class);
            boolean omitsNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
            List<String> required = new ArrayList<>();
            for (RecordComponent component : model.getRecordComponents()) {
                Schema property = schema.getProperties().get(component.getName());
                if (property == null) {
                    throw new IllegalStateException(name + " has no property " + component.getName());
                }
                boolean nullable = component.isAnnotationPresent(Nullable.class);
                if (nullable && omitsNulls) {
                    continue;
                }
                required.add(component.getName());
                if (nullable) {
                    schema.addProperty(component.getName(), orNull(property));
                }
                if (component.isAnnotationPresent(NullableElements.class)) {
                    property.setItems(orNull(property.getItems()));
                }
            }
            schema.setRequired(required);
        }
    }

    /** The schema, or null: a second type where the schema has a type, else anyOf the schema and null. */
    static Schema orNull(Schema schema) {
        if (schema.getRef() == null && schema.getType() != null && !schema.getType().isEmpty()) {
            if (!schema.getType().contains(Schema.SchemaType.NULL)) {
                schema.addType(Schema.SchemaType.NULL);
            }
            return schema;
        }
        Schema wrapper = OASFactory.createSchema().description(schema.getDescription());
        schema.setDescription(null);
        wrapper.setAnyOf(List.of(schema, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        return wrapper;
    }
}
