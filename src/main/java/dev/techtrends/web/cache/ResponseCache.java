package dev.techtrends.web.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.TechTrendsConfig;
import dev.techtrends.web.ContentNegotiation;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.csv.Csv;
import dev.techtrends.web.csv.CsvTable;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GETs for the reads marked {@link CachedRead}. The strong ETag is a hash of the representation, so it is
 * the same on every replica and after restarts, changes exactly when what the response shows changes, and survives
 * unrelated writes. Rendered responses are kept in the {@link VersionedCache}: a repeat, and a 304, is answered from
 * memory by a route in front of Quarkus REST (a map lookup and a write on the event loop: no resource matching, no
 * filter chain, no database), after the security headers, CORS, the rate limits and the request limits.
 */
@ApplicationScoped
public class ResponseCache {

    private static final String VERSION_PROPERTY = ResponseCache.class.getName() + ".version";
    private static final String KEY_PROPERTY = ResponseCache.class.getName() + ".key";
    private static final String FLIGHT_PROPERTY = ResponseCache.class.getName() + ".flight";
    /**
     * Set on a request whose answer is tagged and revalidated but not kept in memory: the feature that serves it
     * knows when its answers are a space without end that would only push out those asked again.
     */
    public static final String NOT_KEPT = ResponseCache.class.getName() + ".notKept";
    /** How long a request waits for another one rendering the same answer before rendering it itself. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(2);
    private static final MediaType TEXT_CSV = MediaType.valueOf(MediaTypes.TEXT_CSV);
    /** What else decides the answer, for shared caches: the form, the encoding and the CORS origin echoed. */
    static final String VARY = "Accept, Accept-Encoding, Origin";

    private final DataVersions versions;
    private final VersionedCache cache;
    private final Clock clock;
    private final ObjectMapper objectMapper;
    private final String cacheControl;
    /** The media types Vert.x compresses (quarkus.http.compress-media-types). */
    private final List<String> compressed;
    /** Renderings under way, by version and key; each completes with the rendered answer, or null. */
    private final ConcurrentHashMap<String, CompletableFuture<VersionedCache.Rendered>> rendering =
            new ConcurrentHashMap<>();

    public ResponseCache(DataVersions versions, VersionedCache cache, ObjectMapper objectMapper,
            TechTrendsConfig config,
            @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressed, Clock clock) {
        this.clock = clock;
        this.compressed = compressed;
        this.versions = versions;
        this.cache = cache;
        this.objectMapper = objectMapper;
        this.cacheControl = "public, max-age=" + config.http().maxAge();
    }

    void register(@Observes Router router) {
        // After the request limits (-3) and Quarkus's body-size check (-2), before Quarkus REST: only a rendered
        // answer of a @CachedRead resource is ever kept, so a key found proves the request is one of theirs.
        router.route().order(-1).handler(this::answerFromMemory);
    }

    /** A repeat of a kept answer, or a revalidation of it (304), written at once; anything else goes on. */
    private void answerFromMemory(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            context.next();
            return;
        }
        DataVersions.Versions now = versions.current();
        VersionedCache.Rendered hit = cache.rendered(now, key(request));
        if (hit == null) {
            context.next();
            return;
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || matches(ifNoneMatch, null, hit.etag(), now)) {
            write(context, hit, now);
            return;
        }
        // The client holds an answer this replica does not give, perhaps a newer one from a replica told of a change
        // first: never answer it with older data than it has seen.
        versions.catchUp().subscribe().with(
                caughtUp -> {
                    if (caughtUp.key().equals(now.key())) {
                        write(context, hit, now);
                    } else {
                        context.next();
                    }
                },
                failure -> write(context, hit, now));
    }

    private void write(RoutingContext context, VersionedCache.Rendered hit, DataVersions.Versions now) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, hit.etag()).set(HttpHeaders.CACHE_CONTROL, cacheControl)
                .set(HttpHeaders.VARY, VARY);
        if (now.lastModified() != null) {
            headers.set(HttpHeaders.LAST_MODIFIED, now.lastModified());
        }
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                hit.etag(), now)) {
            response.setStatusCode(304).end();
            return;
        }
        if (hit.link() != null) {
            headers.set("Link", hit.link());
        }
        headers.set(HttpHeaders.CONTENT_TYPE, hit.contentType());
        // Vert.x compresses what is not marked "identity" for a client that accepts gzip, as Quarkus REST's answers
        if (compressed.stream().noneMatch(hit.contentType()::startsWith)) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "identity");
        }
        response.end(hit.body());
    }

    /**
     * A miss renders once per key and version: requests for the same key arriving meanwhile wait for that rendering
     * instead of each asking the database (after every write, all hot keys miss at once). (Not pre-matching: Quarkus
     * REST decides compression from the matched resource, and a pre-matching answer would go out uncompressed.)
     */
    // Bound by name on the filter method: on the class of a @ServerRequestFilter bean Quarkus REST ignores the binding
    // and runs the filter for every resource (admin reads were cached until the data changed).
    @ServerRequestFilter
    @CachedRead
    public Uni<Response> renderOnce(ContainerRequestContext request, HttpServerRequest http, ResourceInfo resource) {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            return Uni.createFrom().nullItem();
        }
        if (request.getHeaderString(HttpHeaders.IF_NONE_MATCH) == null) {
            return renderOnce(request, http, resource.getResourceMethod());
        }
        // As for a kept answer: a client revalidating may have seen a newer version than this replica knows of.
        return versions.catchUp().onFailure().recoverWithNull()
                .chain(caughtUp -> renderOnce(request, http, resource.getResourceMethod()));
    }

    private Uni<Response> renderOnce(ContainerRequestContext request, HttpServerRequest http, Method method) {
        boolean renderedEachTime = method != null && method.isAnnotationPresent(RenderedEachTime.class);
        DataVersions.Versions current = versions.current();
        // Without Last-Modified, no If-Modified-Since answers 304 for an answer the data's last change does not date.
        DataVersions.Versions now = renderedEachTime
                ? new DataVersions.Versions(current.data(), current.scores(), current.key(), null) : current;
        if (renderedEachTime) {
            request.setProperty(NOT_KEPT, Boolean.TRUE);
        }
        String key = key(http);
        request.setProperty(VERSION_PROPERTY, now);
        request.setProperty(KEY_PROPERTY, key);
        String flight = now.key() + '|' + key;
        CompletableFuture<VersionedCache.Rendered> mine = new CompletableFuture<>();
        CompletableFuture<VersionedCache.Rendered> first = rendering.putIfAbsent(flight, mine);
        if (first == null) {
            request.setProperty(FLIGHT_PROPERTY, new Flight(flight, mine));
            return Uni.createFrom().nullItem();
        }
        // A copy: a waiter whose client goes away cancels its copy, never the rendering the others wait for.
        return Uni.createFrom().completionStage(first.copy())
                .ifNoItem().after(RENDER_WAIT).recoverWithItem(() -> {
                    rendering.remove(flight, first);
                    return null;
                })
                // Null (the first answer was not a cacheable 200, or took too long): run the resource as usual.
                .map(rendered -> rendered == null ? null : answer(request, http, rendered, now));
    }

    private Response answer(ContainerRequestContext request, HttpServerRequest http, VersionedCache.Rendered hit,
            DataVersions.Versions at) {
        // Quarkus marks responses "Content-Encoding: identity" until a compressible resource method clears it; a
        // hit never reaches the method, so clear it here and let Vert.x compress it as for a miss.
        if (compressed.stream().anyMatch(hit.contentType()::startsWith)) {
            http.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
        return respond(request, hit, at);
    }

    @ServerResponseFilter
    @CachedRead
    public void renderAndTag(ContainerRequestContext request, ContainerResponseContext response) {
        Object version = request.getProperty(VERSION_PROPERTY);
        Object entity = response.getEntity();
        Flight flight = (Flight) request.getProperty(FLIGHT_PROPERTY);
        if (!(version instanceof DataVersions.Versions at) || response.getStatus() != 200 || entity == null) {
            land(flight, null);
            return;
        }
        String key = (String) request.getProperty(KEY_PROPERTY);
        MediaType mediaType = ContentNegotiation.sent(response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE
                : response.getMediaType());
        byte[] body = render(entity, mediaType);
        VersionedCache.Rendered fresh = new VersionedCache.Rendered(body, mediaType.toString(), etag(body),
                response.getHeaderString("Link"));
        if (request.getProperty(NOT_KEPT) == null) {
            cache.putRendered(at, key, fresh);
        }
        land(flight, fresh);
        response.getHeaders().putSingle(HttpHeaders.ETAG, fresh.etag());
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.getHeaders().putSingle(HttpHeaders.VARY, VARY);
        if (at.lastModified() != null) {
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, at.lastModified());
        }
        if (matches(request, fresh.etag(), at)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove("Link");
        } else {
            response.setEntity(body, null, mediaType);
        }
    }

    private record Flight(String key, CompletableFuture<VersionedCache.Rendered> rendered) {
    }

    private void land(Flight flight, VersionedCache.Rendered rendered) {
        if (flight != null) {
            rendering.remove(flight.key(), flight.rendered());
            flight.rendered().complete(rendered);
        }
    }

    private Response respond(ContainerRequestContext request, VersionedCache.Rendered hit, DataVersions.Versions at) {
        boolean notModified = matches(request, hit.etag(), at);
        Response.ResponseBuilder response = notModified ? Response.notModified()
                : Response.ok(hit.body().getBytes(), hit.contentType());
        if (hit.link() != null && !notModified) {
            response.header("Link", hit.link());
        }
        response.header(HttpHeaders.ETAG, hit.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY);
        if (at.lastModified() != null) {
            response.header(HttpHeaders.LAST_MODIFIED, at.lastModified());
        }
        return response.build();
    }

    /**
     * The raw request target and the Accept header (JSON and CSV of one URL are different entries), and the clock's
     * UTC date: a kept answer lives one day at most, since a score says whether an input is overdue by today's date.
     */
    private String key(HttpServerRequest http) {
        return http.uri() + '|' + http.getHeader(HttpHeaders.ACCEPT) + '|'
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Whether the client's copy is current: If-None-Match when sent (RFC 9110 13.2.2: it takes precedence), else
     * If-Modified-Since against the data's last change.
     */
    private static boolean matches(ContainerRequestContext request, String etag, DataVersions.Versions at) {
        return matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, at);
    }

    private static boolean matches(String ifNoneMatch, String ifModifiedSince, String etag, DataVersions.Versions at) {
        if (ifNoneMatch == null) {
            return notModifiedSince(ifModifiedSince, at.lastModified());
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notModifiedSince(String ifModifiedSince, String lastModified) {
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            return !ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .isAfter(ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }

    /** The bytes the client gets: the same writers as an uncached answer (Jackson for JSON, {@link Csv} for CSV). */
    private byte[] render(Object entity, MediaType mediaType) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof CsvTable table && mediaType.isCompatible(TEXT_CSV)) {
            return Csv.bytes(table);
        }
        try {
            return objectMapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response entity does not serialise", e);
        }
    }

    /**
     * 64 bits of two CRCs (CRC-32C and CRC-32, different polynomials, both computed by CPU instructions): an ETag only
     * has to differ between the representations of one URL, not resist an adversary, and a cryptographic digest of
     * every computed answer cost 7 % of a custom-weight request.
     */
    static String etag(byte[] body) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(body);
        CRC32 ieee = new CRC32();
        ieee.update(body);
        long bits = castagnoli.getValue() << 32 | ieee.getValue();
        return '"' + HexFormat.of().toHexDigits(bits) + '"';
    }
}
