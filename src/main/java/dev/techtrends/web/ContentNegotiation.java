package dev.techtrends.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps two promises of the OpenAPI document. A client that accepts application/problem+json (to read errors) is
 * answered, not refused with 406: it takes what the operation produces. And JSON is always plain application/json
 * (RFC 8259 defines no charset parameter; JSON is UTF-8), whichever way the answer was made.
 */
public class ContentNegotiation {

    @ServerRequestFilter(preMatching = true)
    public void problemReadersTakeTheAnswer(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept != null && accept.stream().anyMatch(value -> value.contains(MediaTypes.PROBLEM_JSON))) {
            request.getHeaders().add(HttpHeaders.ACCEPT, "*/*;q=0.001");
        }
    }

    @ServerResponseFilter
    public void plainJson(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && !type.getParameters().isEmpty() && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** The media type to store and send for a rendered answer: JSON without parameters, anything else as is. */
    public static MediaType sent(MediaType type) {
        return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? MediaType.APPLICATION_JSON_TYPE : type;
    }
}
