package dev.techtrends.rankings;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every score read shares, as the client sent them (text, so that a bad value is a 400 with a
 * reason rather than JAX-RS's 404); {@link ScoreParameters} validates them.
 */
public record ScoreQuery(
        @Parameter(description = "Quarter (2025-Q3), or a month or date in it; default the method's newest scored "
                + "quarter", example = "2025-Q2")
        @QueryParam("asOf") String asOf,
        @Parameter(description = "signal:weight pairs, e.g. github_topic_developers:1,search_interest:0.5 (see "
                + "/api/v1/signals for the keys). Alone they are the whole weighting: signals left out weigh 0. With "
                + "preset they refine it: the signals named take these weights, the preset's others keep theirs, and 0 "
                + "takes a signal out.",
                examples = @ExampleObject(name = "developers", summary = "GitHub developers only",
                        value = "github_topic_developers:1,github_language_developers:1"))
        @QueryParam(ScoreQuery.WEIGHTS) String weights,
        @Parameter(description = "A named set of weights of the method (see /api/v1/methodology); default its first. "
                + "weights, when given too, refine it.", example = "balanced")
        @QueryParam("preset") String preset,
        @Parameter(description = "α in [0, 1], default 0.5: how much momentum counts in the trend score", example = "0.5",
                schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1", defaultValue = "0.5"))
        @QueryParam("momentumWeight") String momentumWeight,
        @Parameter(description = "Scoring method version (see /api/v1/methodology?method=)", example = "v3")
        @QueryParam("method") String method) {

    /** The parameter of custom weights. */
    static final String WEIGHTS = "weights";

    /** Only the method and asOf, as reads without weights take them. */
    public static ScoreQuery of(String method, String asOf) {
        return new ScoreQuery(asOf, null, null, null, method);
    }
}
