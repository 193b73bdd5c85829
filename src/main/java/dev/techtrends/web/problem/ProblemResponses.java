package dev.techtrends.web.problem;

import dev.techtrends.web.MediaTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give, with examples taken from what the service answers,
 * in one place instead of a dozen annotations per method.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasPathParameter = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                boolean write = entry.getKey() != PathItem.HttpMethod.GET;
                APIResponses responses = entry.getValue().getResponses();
                String instance = path.getKey().replace("{slug}", "cobol");
                add(responses, 400, "Invalid input", Problem.invalid("Invalid paging parameters.", instance,
                        java.util.List.of(new Problem.FieldError("size", "must be between 1 and 100"))));
                if (hasPathParameter) {
                    add(responses, 404, "No such resource",
                            Problem.of(404, "No technology has the slug 'cobol'.", instance));
                }
                add(responses, 406, "Accept names no media type this operation produces",
                        Problem.of(406, "None of the media types in Accept (image/png) can be produced here.", instance));
                if (write) {
                    add(responses, 401, "No API key, or an unknown one", Problem.of(401,
                            "This operation needs an API key with the admin role in the X-API-Key header.", instance));
                    add(responses, 403, "The API key lacks the admin role", Problem.of(403,
                            "The API key is valid but lacks the admin role this operation needs.", instance));
                    if (entry.getKey() != PathItem.HttpMethod.DELETE) {
                        add(responses, 415, "Content-Type not accepted",
                                Problem.of(415, "Content type 'text/plain' is not accepted here.", instance));
                    }
                    add(responses, 409, "Clashes with stored data",
                            Problem.of(409, "A technology with the slug 'nestjs' already exists.", instance));
                }
                add(responses, 500, "Unexpected error", Problem.of(500,
                        "An unexpected error occurred; it was logged with id 3f1c2b9e-0d2a-4c55-9e1e-5b7f0c1d2e3a.",
                        instance));
            }
        }
    }

    /** The OpenAPI model serialises maps and lists, not records. */
    private static Map<String, Object> asMap(Problem problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.type());
        map.put("title", problem.title());
        map.put("status", problem.status());
        map.put("detail", problem.detail());
        map.put("instance", problem.instance());
        if (problem.errors() != null) {
            map.put("errors", problem.errors().stream()
                    .map(error -> error.row() == null ? Map.of("field", error.field(), "reason", error.reason())
                            : Map.of("row", error.row(), "field", error.field(), "reason", error.reason()))
                    .toList());
        }
        return map;
    }

    private static void add(APIResponses responses, int status, String description, Problem example) {
        String code = Integer.toString(status);
        if (responses.hasAPIResponse(code)) {
            return;
        }
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .example(asMap(example));
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(MediaTypes.PROBLEM_JSON, mediaType));
        responses.addAPIResponse(code, response);
    }
}
