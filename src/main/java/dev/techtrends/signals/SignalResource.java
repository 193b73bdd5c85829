package dev.techtrends.signals;

import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.cache.RenderedEachTime;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals")
@CachedRead
public class SignalResource {

    private final SignalRepository repository;

    public SignalResource(SignalRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("sources")
    @Operation(operationId = "listSources", summary = "List data sources",
            description = "Every publisher whose data the service holds, with licence, attribution text, the upstream "
                    + "version imported and the signals it provides, and how current each signal is (freshness): its "
                    + "newest complete and partial period, the next update expected from its cadence and publication "
                    + "lag, whether it is overdue, and the newest run of the connectors that write it. Show the "
                    + "attribution wherever you show numbers.")
    @APIResponse(responseCode = "200", description = "All sources",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SourceView.class)))
    // Freshness moves with the clock and with connector runs, neither of which changes the data version the kept
    // answers are keyed by: rendered each time (three small statements), still tagged and revalidated.
    @RenderedEachTime
    public Uni<List<SourceView>> sources() {
        return repository.sourcesWithFreshness();
    }

    @GET
    @Path("signals")
    @Operation(operationId = "listSignals", summary = "List signals",
            description = "Every measured quantity: its source, unit, native period, the value range ingestion accepts, "
                    + "and the licence and attribution of its source.")
    @APIResponse(responseCode = "200", description = "All signals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SignalView.class)))
    public Uni<List<SignalView>> signals() {
        return repository.signals();
    }

    @GET
    @Path("coverage")
    @Operation(operationId = "getCoverage", summary = "Which signal covers which technology, and when",
            description = "For every technology and signal: the first and last period held and the number of points. "
                    + "A technology no source covers (Quarkus) appears once with signal null: it is never given "
                    + "made-up values.")
    @APIResponse(responseCode = "200", description = "The coverage table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CoverageView.class)))
    public Uni<List<CoverageView>> coverage() {
        return repository.coverage();
    }
}
