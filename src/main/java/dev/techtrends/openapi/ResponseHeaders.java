package dev.techtrends.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The response headers clients use, declared once as components and referenced where they are sent: the caching
 * headers on every public read (and its 304), Link on pages, the rate-limit headers everywhere, Retry-After on 429
 * and 503.
 */
final class ResponseHeaders {

    private static final Map<String, String[]> HEADERS = Map.of(
            "ETag", new String[] {"A strong validator of the representation: send it back in If-None-Match for a 304",
                    "\"5a1c9e07d3b24f68\""},
            "Cache-Control", new String[] {"How long shared and private caches may reuse the answer",
                    "public, max-age=60"},
            "Last-Modified", new String[] {"When the data behind the answer last changed; If-Modified-Since is honoured",
                    "Tue, 24 Nov 2026 10:00:00 GMT"},
            "Vary", new String[] {"What else selects the representation", "Accept, Accept-Encoding, Origin"},
            "Link", new String[] {"RFC 8288 links to the first, previous, next and last pages",
                    "</api/v1/technologies?page=2&size=20>; rel=\"next\""},
            "RateLimit-Policy", new String[] {"This client's budget (IETF httpapi draft)",
                    "\"anonymous-reads\";q=1200;w=60"},
            "RateLimit", new String[] {"What is left of the budget and when it refills (seconds)",
                    "\"anonymous-reads\";r=1193;t=43"},
            "Retry-After", new String[] {"Seconds to wait before retrying", "5"});

    private ResponseHeaders() {
    }

    static void apply(OpenAPI openAPI) {
        HEADERS.forEach((name, text) -> openAPI.getComponents().addHeader(name, OASFactory.createHeader()
                .description(text[0]).example(text[1])
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, Operation>> entry : OpenApiContract.operations(openAPI)) {
            Operation operation = entry.getValue().getValue();
            boolean publicRead = entry.getValue().getKey() == PathItem.HttpMethod.GET
                    && (operation.getSecurity() == null || operation.getSecurity().isEmpty());
            boolean paged = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> parameter.getName().equals("page"));
            if (publicRead && entry.getKey().startsWith("/api/")) {
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: the If-None-Match or If-Modified-Since sent still holds"));
            }
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("2") && publicRead || code.equals("304")) {
                    reference(response, "ETag", "Cache-Control", "Last-Modified", "Vary");
                }
                if (code.startsWith("2") && paged) {
                    reference(response, "Link");
                }
                if (code.equals("429") || code.equals("503")) {
                    reference(response, "Retry-After");
                }
                reference(response, "RateLimit-Policy", "RateLimit");
            });
        }
    }

    private static void reference(APIResponse response, String... names) {
        for (String name : names) {
            Header header = OASFactory.createHeader().ref("#/components/headers/" + name);
            response.addHeader(name, header);
        }
    }
}
