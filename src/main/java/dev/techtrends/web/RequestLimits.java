package dev.techtrends.web;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.web.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, as problem+json with CORS headers, what Vert.x would answer with a bare status or what PostgreSQL cannot
 * store: a request target above tech-trends.http.max-request-target (414), a header section above
 * tech-trends.http.max-headers (431), a declared body above quarkus.http.limits.max-body-size (413), and a path or
 * query holding a NUL or another control character, or bytes that are not UTF-8 (400). It runs after the CORS handler
 * and before anything reads the body. Vert.x's own, higher caps still answer bare (README says so).
 */
@Singleton
public class RequestLimits {

    private final long maxTarget;
    private final long maxHeaders;
    private final long maxBody;

    public RequestLimits(TechTrendsConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.maxTarget = config.http().maxRequestTarget().asLongValue();
        this.maxHeaders = config.http().maxHeaders().asLongValue();
        this.maxBody = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        // After CORS (order -300), before Quarkus's own body-size check (-2) and every resource.
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String target = context.request().uri();
        if (target.length() > maxTarget) {
            refuse(context, 414, "The request target is longer than " + maxTarget + " characters.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaders) {
            refuse(context, 431, "The request headers are larger than " + maxHeaders + " bytes.");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBody) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, 413, "The request body is larger than " + maxBody + " bytes.");
            return;
        }
        if (!storableText(target)) {
            refuse(context, 400, "The request target holds a control character (such as a NUL byte) or bytes that "
                    + "are not UTF-8.");
            return;
        }
        context.next();
    }

    private static long declaredLength(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    /** Percent-decodes the target and checks that it is UTF-8 without control characters. */
    static boolean storableText(String target) {
        ByteBuffer bytes = ByteBuffer.allocate(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%' && i + 2 < target.length() && isHex(target.charAt(i + 1)) && isHex(target.charAt(i + 2))) {
                bytes.put((byte) Integer.parseInt(target.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7f) {
                return false; // raw non-ASCII in a request line: not what a client encodes
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.isISOControl(decoded.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static void refuse(RoutingContext context, int status, String detail) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.PROBLEM_JSON)
                .end(Json.encode(Problem.of(status, detail, context.request().path())));
    }
}
