package dev.techtrends.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GETs for every public read under /api/v1. The strong ETag is a hash of the representation, so it is
 * the same on every replica and after restarts, changes exactly when what the response shows changes, and
 * survives unrelated writes. Rendered responses are kept in memory per data version: a repeat, and a 304, is
 * answered from memory without running the resource or asking the database.
 */
@Singleton
public class HttpCaching {

    private static final String VERSION_PROPERTY = HttpCaching.class.getName() + ".version";
    private static final String KEY_PROPERTY = HttpCaching.class.getName() + ".key";
    private static final int MAX_ENTRIES = 5_000;

    /** A rendered 200 response. */
    record Rendered(byte[] body, String contentType, String etag, String link) {
    }

    private final DataVersions versions;
    private final ObjectMapper objectMapper;
    private final String cacheControl;
    private final ConcurrentHashMap<String, Rendered> rendered = new ConcurrentHashMap<>();
    private volatile String renderedForVersion = "";

    public HttpCaching(DataVersions versions, ObjectMapper objectMapper,
            @ConfigProperty(name = "tech-trends.http.max-age", defaultValue = "60") int maxAgeSeconds) {
        this.versions = versions;
        this.objectMapper = objectMapper;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    /**
     * A hit is answered before the resource runs, so a repeat costs a map lookup. (Not pre-matching: Quarkus REST
     * decides compression from the matched resource, and a pre-matching answer would go out uncompressed.)
     */
    @ServerRequestFilter
    public Optional<Response> answerFromMemory(ContainerRequestContext request, HttpServerRequest http) {
        if (!cacheable(request.getMethod(), http.path())) {
            return Optional.empty();
        }
        DataVersions.Versions now = versions.current();
        String key = key(http);
        request.setProperty(VERSION_PROPERTY, now);
        request.setProperty(KEY_PROPERTY, key);
        Rendered hit = entries(now).get(key);
        if (hit == null) {
            return Optional.empty();
        }
        // Quarkus marks responses "Content-Encoding: identity" until a compressible resource method clears it; a
        // hit never reaches the method, so clear it here and let Vert.x compress JSON and CSV as for a miss.
        if (hit.contentType().startsWith("application/json") || hit.contentType().startsWith("text/csv")) {
            http.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
        return Optional.of(respond(request, hit, now));
    }

    @ServerResponseFilter
    public void renderAndTag(ContainerRequestContext request, ContainerResponseContext response) {
        Object version = request.getProperty(VERSION_PROPERTY);
        Object entity = response.getEntity();
        if (!(version instanceof DataVersions.Versions at) || response.getStatus() != 200 || entity == null
                || entity instanceof Multi) {
            return;
        }
        String key = (String) request.getProperty(KEY_PROPERTY);
        byte[] body = bytes(entity);
        MediaType mediaType = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        Rendered fresh = new Rendered(body, mediaType.toString(), etag(body), response.getHeaderString("Link"));
        entries(at).put(key, fresh);
        response.getHeaders().putSingle(HttpHeaders.ETAG, fresh.etag());
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (at.lastModified() != null) {
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, at.lastModified());
        }
        if (matches(request, fresh.etag())) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove("Link");
        } else {
            response.setEntity(body, null, mediaType);
        }
    }

    private Response respond(ContainerRequestContext request, Rendered hit, DataVersions.Versions at) {
        Response.ResponseBuilder response = matches(request, hit.etag()) ? Response.notModified()
                : Response.ok(hit.body(), hit.contentType());
        if (hit.link() != null && !matches(request, hit.etag())) {
            response.header("Link", hit.link());
        }
        response.header(HttpHeaders.ETAG, hit.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (at.lastModified() != null) {
            response.header(HttpHeaders.LAST_MODIFIED, at.lastModified());
        }
        return response.build();
    }

    /** Public GETs under /api/v1, except the admin ingestion reports and the streamed export. */
    private static boolean cacheable(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD")) && path.startsWith("/api/v1/")
                && !path.startsWith("/api/v1/ingestions") && !path.startsWith("/api/v1/export");
    }

    private ConcurrentHashMap<String, Rendered> entries(DataVersions.Versions at) {
        if (!at.key().equals(renderedForVersion) || rendered.size() > MAX_ENTRIES) {
            synchronized (this) {
                if (!at.key().equals(renderedForVersion) || rendered.size() > MAX_ENTRIES) {
                    rendered.clear();
                    renderedForVersion = at.key();
                }
            }
        }
        return rendered;
    }

    /** The raw request target and the Accept header: JSON and CSV of one URL are different entries. */
    private static String key(HttpServerRequest http) {
        return http.uri() + '|' + http.getHeader(HttpHeaders.ACCEPT);
    }

    private static boolean matches(ContainerRequestContext request, String etag) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private byte[] bytes(Object entity) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return objectMapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response entity does not serialise", e);
        }
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27))
                    .toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
