package dev.techtrends.openapi;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import dev.techtrends.web.MediaTypes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.IndexView;

/**
 * The last word on the OpenAPI document, so that it is exact enough for generated clients: one pass, in order, over
 * what the annotations cannot say. Checked by the contract stage of .ci/test (Spectral, openapi-generator, and every
 * read's answer validated against its schema). It finds the read models itself: every record of the service whose
 * schema an answer of an operation reaches.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    private final IndexView index;

    /** SmallRye passes the application's index to a filter that takes one. */
    public OpenApiContract(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        MethodEnums.apply(openAPI);
        inlineDates(openAPI);
        mergePatchBodies(openAPI);
        uploadBodies(openAPI);
        ProblemResponses.apply(openAPI);
        SchemaNullability.apply(openAPI, ReadModels.of(openAPI, index));
        ResponseHeaders.apply(openAPI);
        ResponseExamples.apply(openAPI);
        SharedEnums.apply(openAPI, index);
        for (String framework : List.of("JsonNode", "JsonNodeType", "ObjectNode", "LocalDate", "OffsetDateTime")) {
            openAPI.getComponents().removeSchema(framework);
        }
    }

    /** java.time types are strings on the wire, not components of their own. */
    private static void inlineDates(OpenAPI openAPI) {
        Map<String, String> formats = Map.of("#/components/schemas/LocalDate", "date",
                "#/components/schemas/OffsetDateTime", "date-time");
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> {
                String format = property.getRef() == null ? null : formats.get(property.getRef());
                return format == null ? property : OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format(format).description(property.getDescription()).examples(property.getExamples());
            });
            schema.setProperties(properties);
        }
    }

    /**
     * PATCH takes a JSON merge patch (RFC 7396): any subset of the input's fields, where null removes an optional
     * field. Its schema is the input's without required fields, the optional ones nullable.
     */
    private static void mergePatchBodies(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation patch = path.getValue().getPATCH();
            if (patch == null || patch.getRequestBody() == null) {
                continue;
            }
            MediaType body = patch.getRequestBody().getContent().getMediaType(MediaTypes.MERGE_PATCH_JSON);
            String input = body.getSchema().getRef().substring("#/components/schemas/".length());
            String name = input.replace("Input", "Patch");
            Schema inputSchema = schemas.get(input);
            Map<String, Schema> properties = new LinkedHashMap<>();
            List<String> required = inputSchema.getRequired() == null ? List.of() : inputSchema.getRequired();
            inputSchema.getProperties().forEach((property, schema) -> properties.put(property,
                    required.contains(property) ? copy(schema) : SchemaNullability.orNull(copy(schema))));
            openAPI.getComponents().addSchema(name, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("A JSON merge patch (RFC 7396) of " + input + ": the fields to change; null removes "
                            + "an optional field, and fields left out keep their value.")
                    .properties(properties).additionalPropertiesBoolean(false));
            MediaType patchBody = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + name)).example(body.getExample());
            patch.getRequestBody().setContent(OASFactory.createContent()
                    .addMediaType(MediaTypes.MERGE_PATCH_JSON, patchBody)
                    .addMediaType(APPLICATION_JSON, patchBody));
        }
    }

    /**
     * An upload is a JSON array of observations, or NDJSON or CSV text: the JSON form gets the observation's schema
     * (the resource reads the raw text to report errors by row, so the annotations only know a string).
     */
    private static void uploadBodies(OpenAPI openAPI) {
        Operation upload = openAPI.getPaths().getPathItem("/api/v1/ingestions").getPOST();
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema number = OASFactory.createSchema().addType(Schema.SchemaType.NUMBER);
        Schema observation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One observation; technology or sourceKey names the technology")
                .addProperty("signal", text).addProperty("technology", text).addProperty("sourceKey", text)
                .addProperty("period", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("2025-07, 2025-Q3 or 2025, as the signal's granularity"))
                .addProperty("value", number)
                .addProperty("raw", SchemaNullability.orNull(OASFactory.createSchema().addType(Schema.SchemaType.NUMBER)))
                .required(List.of("signal", "period", "value"));
        openAPI.getComponents().addSchema("UploadedObservation", observation);
        upload.getRequestBody().getContent().getMediaTypes().forEach((type, content) -> {
            if (type.equals(APPLICATION_JSON)) {
                content.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/UploadedObservation")));
            } else if (content.getExamples() != null) {
                // NDJSON and CSV are text: their examples too (an NDJSON line would otherwise read as an object).
                content.getExamples().values().forEach(example -> example.setValue(TEXT_EXAMPLES.get(type)));
            }
        });
    }

    private static final Map<String, String> TEXT_EXAMPLES = Map.of(MediaTypes.NDJSON, """
            {"signal":"github_topic_developers","technology":"nestjs","period":"2025-Q3","value":0.00041}
            {"signal":"job_postings","technology":"nestjs","period":"2024-05","value":0.012}
            """, MediaTypes.TEXT_CSV, """
            signal,technology,period,value,raw
            github_topic_developers,nestjs,2025-Q3,0.00041,540
            """);

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        copy.setAll(new LinkedHashMap<>(schema.getAll()));
        return copy;
    }

    /** Every operation, with its method, for the passes that go over all of them. */
    static List<Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>>> operations(OpenAPI openAPI) {
        List<Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>>> all = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().entrySet()
                .forEach(operation -> all.add(Map.entry(path, operation))));
        return all;
    }
}
