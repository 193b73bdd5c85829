package dev.techtrends.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.web.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; the only shape any error of this service has. */
@RegisterForReflection
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI of the problem type: the RFC 9110 section of the status",
                example = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5") String type,
        @Schema(example = "Not Found") String title,
        @Schema(example = "404") int status,
        @Schema(example = "No technology has the slug 'fortran'.") String detail,
        @Schema(description = "The request path that failed", example = "/api/v1/technologies/fortran") String instance,
        @Schema(description = "For validation problems: each offending field and why") @Nullable List<FieldError> errors) {

    @Schema(name = "FieldError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(
            @Schema(description = "For uploads: the 1-based data row (the CSV header is not counted)", example = "3")
            @Nullable Integer row,
            @Schema(description = "Field or query parameter that was rejected", example = "size") String field,
            @Schema(example = "must be between 1 and 100") String reason) {

        public FieldError(String field, String reason) {
            this(null, field, reason);
        }
    }

    public static Problem of(int status, String detail, String instance) {
        return new Problem(typeOf(status), titleOf(status), status, detail, instance, null);
    }

    public static Problem invalid(String detail, String instance, List<FieldError> errors) {
        return new Problem(typeOf(400), titleOf(400), 400, detail, instance, errors);
    }

    public static String typeOf(int status) {
        String section = switch (status) {
            case 400 -> "15.5.1";
            case 401 -> "15.5.2";
            case 403 -> "15.5.4";
            case 404 -> "15.5.5";
            case 405 -> "15.5.6";
            case 406 -> "15.5.7";
            case 409 -> "15.5.10";
            case 412 -> "15.5.13";
            case 413 -> "15.5.14";
            case 414 -> "15.5.15";
            case 415 -> "15.5.16";
            case 422 -> "15.5.21";
            case 503 -> "15.6.4";
            default -> null;
        };
        if (status == 429) {
            return "https://www.rfc-editor.org/rfc/rfc6585#section-4";
        }
        if (status == 431) {
            return "https://www.rfc-editor.org/rfc/rfc6585#section-5";
        }
        return section == null ? "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1"
                : "https://www.rfc-editor.org/rfc/rfc9110#section-" + section;
    }

    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
