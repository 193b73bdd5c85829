package dev.techtrends.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The name a record's schema component has: its {@code @Schema(name)}, else its simple name. */
final class SchemaNames {

    private SchemaNames() {
    }

    static String of(Class<?> model) {
        Schema annotation = model.getAnnotation(Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : model.getSimpleName();
    }
}
