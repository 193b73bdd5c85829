package dev.techtrends.openapi;

import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents every problem an operation can answer, each with the words the service really uses for that operation:
 * the 400 names the operation's own parameters, the 404 its own resource.
 */
final class ProblemResponses {

    /** Query parameters whose value names a stored resource: an unknown one is a 404. */
    private static final Set<String> RESOURCE_PARAMETERS = Set.of("technologies");
    private static final String UPLOAD_TOO_LARGE = "The upload is larger than the limit of 5242880 bytes; split it "
            + "into several uploads.";

    private ProblemResponses() {
    }

    static void apply(OpenAPI openAPI) {
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            String path = entry.getKey();
            PathItem.HttpMethod method = entry.getValue().getKey();
            Operation operation = entry.getValue().getValue();
            APIResponses responses = operation.getResponses();
            String instance = path.replace("{slug}", "fortran").replace("{id}", "999").replace("{name}", "nosuch");
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            Set<String> query = parameters.stream().filter(p -> p.getIn() == Parameter.In.QUERY)
                    .map(Parameter::getName).collect(Collectors.toCollection(TreeSet::new));
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            boolean body = operation.getRequestBody() != null;

            add(responses, 400, "Invalid input: the errors name each offending field or parameter",
                    badRequest(instance, query, body));
            if (path.contains("{") || query.stream().anyMatch(RESOURCE_PARAMETERS::contains)) {
                add(responses, 404, "No such resource", Problem.of(404, notFound(path), instance));
            }
            if (path.equals("/api/v1/ingestions")) {
                add(responses, 413, "Body larger than tech-trends.ingestion.max-body-size", Problem.of(413,
                        UPLOAD_TOO_LARGE, instance));
            }
            add(responses, 406, "Accept names no media type this operation produces", Problem.of(406,
                    "None of the media types in Accept (image/png) can be produced here.", instance));
            if (secured) {
                add(responses, 401, "No API key, or an unknown one", Problem.of(401,
                        "This operation needs an API key with the admin role in the X-API-Key header.", instance));
                add(responses, 403, "The API key lacks the admin role", Problem.of(403,
                        "The API key is valid but lacks the admin role this operation needs.", instance));
            }
            if (body) {
                add(responses, 415, "Content-Type not accepted",
                        Problem.of(415, "Content type 'text/plain' is not accepted here.", instance));
            }
            if (path.equals("/api/v1/connectors/{name}/runs") && method == PathItem.HttpMethod.POST) {
                add(responses, 409, "Disabled, or already running", Problem.of(409, "The connector stackexchange is "
                        + "disabled; set TECH_TRENDS_CONNECTORS_STACKEXCHANGE_ENABLED=true to run it.",
                        "/api/v1/connectors/stackexchange/runs"));
            }
            if (method != PathItem.HttpMethod.GET && path.startsWith("/api/v1/categories")
                    || method != PathItem.HttpMethod.GET && path.startsWith("/api/v1/technologies")) {
                add(responses, 409, "Clashes with stored data", Problem.of(409, path.contains("categor")
                        ? "A category with the slug 'databases' already exists."
                        : "A technology with the slug 'nestjs' already exists.", instance));
            }
            add(responses, 429, "Over this client's rate limit; Retry-After says when to come back", Problem.of(429,
                    "Over the budget anonymous-reads of 1200 requests a minute; retry in 12 s.", instance));
            add(responses, 503, "The database is unavailable, or too many writes wait; Retry-After says when to retry",
                    Problem.of(503, "The database is unavailable; retry shortly.", instance));
            add(responses, 500, "Unexpected error", Problem.of(500,
                    "An unexpected error occurred; it was logged with id 3f1c2b9e-0d2a-4c55-9e1e-5b7f0c1d2e3a.",
                    instance));
        }
    }

    private static Problem badRequest(String instance, Set<String> query, boolean body) {
        if (query.contains("size")) {
            return Problem.invalid("Invalid paging parameters.", instance,
                    List.of(new Problem.FieldError("size", "must be between 1 and 100")));
        }
        if (body) {
            return Problem.invalid("The request has invalid fields: name.", instance,
                    List.of(new Problem.FieldError("name", "must not be blank")));
        }
        String reason = query.isEmpty() ? "is not a parameter of this operation, which takes none"
                : "is not a parameter of this operation; it takes " + String.join(", ", query);
        return Problem.invalid("Invalid value for 'colour': " + reason, instance,
                List.of(new Problem.FieldError("colour", reason)));
    }

    private static String notFound(String path) {
        if (path.startsWith("/api/v1/categories/")) {
            return "No category has the slug 'fortran'.";
        }
        if (path.startsWith("/api/v1/ingestions/")) {
            return "No ingestion has the id 999.";
        }
        if (path.startsWith("/api/v1/connectors/")) {
            return "No connector is named 'nosuch'; known connectors: hn-hiring, innovation-graph, pypl, "
                    + "stackexchange, wikipedia.";
        }
        return "No technology has the slug 'fortran'.";
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

    /** Adds the problem response, or its problem content where the operation declared the status without one. */
    private static void add(APIResponses responses, int status, String description, Problem example) {
        String code = Integer.toString(status);
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .example(asMap(example));
        APIResponse declared = responses.getAPIResponse(code);
        MediaType problem = declared == null || declared.getContent() == null ? null
                : declared.getContent().getMediaType(MediaTypes.PROBLEM_JSON);
        if (problem != null) {
            if (problem.getExample() == null) {
                problem.setExample(asMap(example));
            }
            return;
        }
        if (declared != null) {
            declared.setContent(OASFactory.createContent().addMediaType(MediaTypes.PROBLEM_JSON, mediaType));
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(MediaTypes.PROBLEM_JSON, mediaType)));
    }
}
