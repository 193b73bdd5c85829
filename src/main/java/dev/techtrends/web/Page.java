package dev.techtrends.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One page of a list, in the shape every list of the API has. */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages);
    }

    /** The page as a 200 with RFC 8288 first/prev/next/last links (relative references) that keep every other query parameter. */
    public Response toResponse(UriInfo uriInfo) {
        // One Link header with every relation, as RFC 8288 §3 allows: clients read a single value.
        String links = links(uriInfo).stream().map(Link::toString).collect(Collectors.joining(", "));
        return Response.ok(this).header("Link", links).build();
    }

    List<Link> links(UriInfo uriInfo) {
        List<Link> links = new ArrayList<>();
        int last = Math.max(totalPages, 1);
        links.add(link(uriInfo, 1, "first"));
        if (page > 1) {
            links.add(link(uriInfo, Math.min(page - 1, last), "prev"));
        }
        if (page < totalPages) {
            links.add(link(uriInfo, page + 1, "next"));
        }
        links.add(link(uriInfo, last, "last"));
        return links;
    }

    private Link link(UriInfo uriInfo, int target, String rel) {
        URI absolute = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("page", target)
                .replaceQueryParam("size", size)
                .build();
        // Relative references stay right behind proxies that rewrite the host.
        return Link.fromUri(URI.create(absolute.getRawPath() + "?" + absolute.getRawQuery())).rel(rel).build();
    }
}
