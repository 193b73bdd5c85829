package dev.techtrends.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.techtrends.database.DatabaseOutages;
import dev.techtrends.web.AllowedMethods;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.security.ApiKeyAuthenticationMechanism;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem responses. Nothing internal (stack, SQL) leaks out. */
public class ProblemMappers {

    private final DatabaseOutages outages;
    private final AllowedMethods allowedMethods;

    public ProblemMappers(DatabaseOutages outages, AllowedMethods allowedMethods) {
        this.outages = outages;
        this.allowedMethods = allowedMethods;
    }

    public static Response problem(Problem problem) {
        return Response.status(problem.status()).type(MediaTypes.PROBLEM_JSON).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchResourceException e, HttpServerRequest request) {
        return problem(Problem.of(404, e.getMessage(), request.path()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, HttpServerRequest request) {
        return problem(Problem.of(409, e.getMessage(), request.path()));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, HttpServerRequest request) {
        return problem(Problem.invalid(e.getMessage(), request.path(), e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return problem(Problem.invalid("The request has invalid fields: " + fields + ".", request.path(), errors));
    }

    /** "create.input.aliases[0]" becomes "aliases[0]": the method and parameter names mean nothing to a client. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parts.clear();
                parts.add(node.getName());
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            if (!name.isEmpty()) {
                if (!parts.isEmpty() && parts.size() == 1 && isBodyParameter(parts.get(0))) {
                    parts.clear();
                }
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static boolean isBodyParameter(String name) {
        return name.equals("input") || name.equals("body");
    }

    /** Declared for the subclass too: Quarkus ships a mapper for MismatchedInputException that would win otherwise. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response jsonProcessing(JsonProcessingException e, HttpServerRequest request) {
        return problem(malformedBody(e, request.path()));
    }

    public static Problem malformedBody(JsonProcessingException e, String path) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return Problem.invalid("Unknown field '" + field + "'. Known fields: "
                    + unknown.getKnownPropertyIds() + ".", path,
                    List.of(new Problem.FieldError(field, "unknown field")));
        }
        if (e instanceof InvalidFormatException format) {
            String field = jsonPath(format);
            String expected = format.getTargetType() == null ? "another type" : format.getTargetType().getSimpleName();
            return Problem.invalid("Field '" + field + "' has the wrong type: expected " + expected + ".", path,
                    List.of(new Problem.FieldError(field, "expected " + expected)));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            return Problem.invalid("Field '" + field + "' cannot be read: " + mapping.getOriginalMessage(), path,
                    List.of(new Problem.FieldError(field, "cannot be read as the expected type")));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String reason = e instanceof JsonParseException ? "malformed JSON" : "unreadable JSON";
        return Problem.of(400, "The request body is " + reason + where + ": " + e.getOriginalMessage(), path);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        boolean keySent = request.getHeader(ApiKeyAuthenticationMechanism.HEADER) != null;
        String detail = keySent ? "The API key is not valid." : "This operation needs an API key with the admin role in the "
                + ApiKeyAuthenticationMechanism.HEADER + " header.";
        return Response.fromResponse(problem(Problem.of(401, detail, request.path())))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE)
                .build();
    }

    /** Too many writes queued on this replica: come back shortly. */
    @ServerExceptionMapper
    public Response busy(BulkheadException e, HttpServerRequest request) {
        return Response.fromResponse(problem(Problem.of(503, "Too many writes are waiting; retry shortly.",
                request.path()))).header(HttpHeaders.RETRY_AFTER, "2").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return problem(Problem.of(403, "The API key is valid but lacks the admin role this operation needs.",
                request.path()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problem(malformedBody(json, request.path()));
        }
        if (e.getCause() instanceof InvalidInputException invalid) { // a parameter's converter refused its value
            return invalidInput(invalid, request);
        }
        int status = e.getResponse().getStatus();
        String detail;
        if (e instanceof NotFoundException) {
            detail = "There is no resource at " + request.path() + ".";
        } else if (e instanceof NotAllowedException) {
            detail = "Method " + request.method() + " is not allowed on " + request.path() + ".";
        } else if (e instanceof NotAcceptableException) {
            detail = "None of the media types in Accept (" + request.getHeader(HttpHeaders.ACCEPT)
                    + ") can be produced here.";
        } else if (e instanceof NotSupportedException) {
            detail = "Content type '" + request.getHeader(HttpHeaders.CONTENT_TYPE) + "' is not accepted here.";
        } else {
            detail = status >= 500 ? "The request could not be completed." : e.getMessage();
        }
        Response.ResponseBuilder response = Response.fromResponse(problem(Problem.of(status, detail, request.path())));
        if (e instanceof NotAllowedException) {
            String allowed = allowedMethods.of(request.path());
            if (allowed != null) {
                response.header(HttpHeaders.ALLOW, allowed);
            }
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // The reactive client raises PgException; Hibernate Reactive hands on a java.sql.SQLException.
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null) {
                switch (state) {
                    case "23505":
                        return problem(Problem.of(409, "The change clashes with an existing entry.", request.path()));
                    case "23503":
                        return problem(Problem.of(409, "The change would leave other entries pointing at nothing.",
                                request.path()));
                    case "22021", "22P05":
                        // A NUL byte, or text the database encoding cannot hold: input no field may carry.
                        return problem(Problem.of(400, "The request holds a character that cannot be stored (such as"
                                + " a NUL byte).", request.path()));
                    default:
                        break;
                }
            }
        }
        if (DatabaseOutages.isUnavailability(e)) {
            outages.failed(e, "answering " + request.method() + " " + request.path());
            return Response.fromResponse(problem(Problem.of(503, "The database is unavailable; retry shortly.",
                    request.path()))).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s %s", errorId, request.method(), request.path());
        return problem(Problem.of(500, "An unexpected error occurred; it was logged with id " + errorId + ".",
                request.path()));
    }
}
