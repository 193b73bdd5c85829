package dev.techtrends.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

/**
 * The read models of the document, found rather than listed: every record of the service whose schema component an
 * operation's answer reaches, directly or through other components (a record is a component's model when it bears its
 * name and has exactly its properties). A new view is covered by being answered. The scoring kernel's records are never
 * answered (the views map them), so they are not candidates, however their names and properties read.
 */
final class ReadModels {

    private static final String SERVICE_PACKAGE = "dev.techtrends.";
    private static final String SCORING_KERNEL = "dev.techtrends.scoring.";
    private static final String COMPONENT = "#/components/schemas/";

    private ReadModels() {
    }

    static List<Class<?>> of(OpenAPI openAPI, IndexView index) {
        Set<String> reachable = reachableComponents(openAPI);
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Map<String, Class<?>> byName = new HashMap<>();
        for (ClassInfo info : index.getKnownClasses()) {
            String className = info.name().toString();
            if (!info.isRecord() || !className.startsWith(SERVICE_PACKAGE) || className.startsWith(SCORING_KERNEL)) {
                continue;
            }
            Class<?> model = load(className);
            String name = SchemaNames.of(model);
            if (!reachable.contains(name) || !hasExactlyTheProperties(model, components.get(name))) {
                continue;
            }
            Class<?> other = byName.put(name, model);
            if (other != null && other != model) { // the application's index may list a class twice
                throw new IllegalStateException("Two records answer as the schema " + name + ": " + other.getName()
                        + " and " + className + "; give one of them @Schema(name = ...)");
            }
        }
        return List.copyOf(byName.values());
    }

    /** The components every operation's answers reach, following references through properties and items. */
    static Set<String> reachableComponents(OpenAPI openAPI) {
        Deque<Schema> pending = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                    for (MediaType media : response.getContent().getMediaTypes().values()) {
                        if (media.getSchema() != null) {
                            pending.add(media.getSchema());
                        }
                    }
                }
            }
        }));
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
                String name = schema.getRef().substring(COMPONENT.length());
                if (reached.add(name) && components.containsKey(name)) {
                    pending.add(components.get(name));
                }
                continue;
            }
            List<Schema> children = new ArrayList<>();
            if (schema.getProperties() != null) {
                children.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                children.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                children.add(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> options : Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
                if (options != null) {
                    children.addAll(options);
                }
            }
            pending.addAll(children);
        }
        return reached;
    }

    private static boolean hasExactlyTheProperties(Class<?> model, Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return false;
        }
        Set<String> components = new HashSet<>();
        for (RecordComponent component : model.getRecordComponents()) {
            components.add(component.getName());
        }
        return components.equals(schema.getProperties().keySet());
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The index names " + className + ", which does not load", e);
        }
    }
}
