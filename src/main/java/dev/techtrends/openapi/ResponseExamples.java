package dev.techtrends.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Each success response's example is a real answer of the service on the bundled data, recorded with its operation's
 * documented parameters (src/test/contract/record-examples.mjs) under
 * openapi/examples/{operationId}.{json,csv,svg,atom},
 * lists cut to two items. Data, not code: re-recorded when the answers change.
 */
final class ResponseExamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EXTENSIONS = Map.of("application/json", "json",
            "text/csv", "csv", "image/svg+xml", "svg", "application/merge-patch+json", "json",
            "application/atom+xml", "atom");

    private ResponseExamples() {
    }

    static void apply(OpenAPI openAPI) {
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            Operation operation = entry.getValue().getValue();
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (!code.startsWith("2") || response.getContent() == null) {
                    return;
                }
                response.getContent().getMediaTypes().forEach((type, content) -> example(operation, type, content));
            });
        }
    }

    private static void example(Operation operation, String type, MediaType content) {
        if (content.getExample() != null || content.getExamples() != null) {
            return;
        }
        String extension = EXTENSIONS.get(type);
        if (extension == null) {
            return;
        }
        String resource = "openapi/examples/" + operation.getOperationId() + "." + extension;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            byte[] bytes = in.readAllBytes();
            content.setExample(extension.equals("json") ? JSON.readValue(bytes, Object.class)
                    : new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the example " + resource, e);
        }
    }
}
