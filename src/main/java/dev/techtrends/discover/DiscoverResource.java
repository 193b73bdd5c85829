package dev.techtrends.discover;

import dev.techtrends.web.PageRequest;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/discover")
@Tag(name = "Discover")
@CachedRead
public class DiscoverResource {

    private final DiscoverService service;

    public DiscoverResource(DiscoverService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discover", summary = "Breakouts: the fastest-growing items no technology maps yet",
            description = "Every item of the bundled sources' universes that no technology maps (GitHub topics and "
                    + "languages, Hacker News terms, PYPL names, survey items), ranked by growth between the window's "
                    + "start and the source's newest quarter (each end the mean level of its trailing year; a "
                    + "survey's edition), above a minimum level. Map one with PUT "
                    + "/api/v1/technologies/{slug}/source-keys. Paged; the Link header carries first/prev/next/last.")
    @APIResponse(responseCode = "200", description = "A page of breakouts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BreakoutPage.class)))
    public Uni<Response> discover(
            @Parameter(description = "One signal's universe (see /api/v1/signals); all of them when absent",
                    example = "github_topic_developers") @QueryParam("source") String source,
            @Parameter(description = "The least level now, in the source's unit (a share, or a survey's percent); "
                    + "default the level a quarter of the technologies the source maps reach", example = "0.0002",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0")) @QueryParam("minLevel") String minLevel,
            @Parameter(description = "The window's start: a quarter (2022-Q3), a month or a date in it; default three "
                    + "years before the source's newest quarter", example = "2022-Q3") @QueryParam("since") String since,
            @Parameter(description = "Page number, from 1", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 500 (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "20"))
            @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        PageRequest pageRequest = PageRequest.parse(page, size);
        return service.discover(blankToNull(source), level(minLevel), blankToNull(since), pageRequest)
                .map(result -> result.toResponse(uriInfo));
    }

    private static Double level(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double level = Double.parseDouble(text.strip());
            if (!(level >= 0) || Double.isInfinite(level)) {
                throw new NumberFormatException();
            }
            return level;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("minLevel", "must be a number >= 0, got '" + text + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Schema(name = "BreakoutPage")
    record BreakoutPage(List<BreakoutView> items, int page, int size, long totalItems, int totalPages) {
    }
}
