package dev.techtrends.signals;

import dev.techtrends.catalogue.CatalogueLookup;
import dev.techtrends.signals.SignalRepository.ExportFilter;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.problem.InvalidInputException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/export")
@Tag(name = "Signals")
public class ExportResource {

    private static final int FETCH_SIZE = 1000;

    private final SignalRepository repository;
    private final CatalogueLookup catalogue;

    public ExportResource(SignalRepository repository, CatalogueLookup catalogue) {
        this.repository = repository;
        this.catalogue = catalogue;
    }

    @GET
    @Path("observations.csv")
    @Produces(MediaTypes.TEXT_CSV)
    @Operation(operationId = "exportObservations", summary = "Every observation as CSV",
            description = "Streams the stored observations with their source and licence columns, read through a "
                    + "database cursor (constant memory): all of them (some megabytes), or those of one technology, "
                    + "category or signal. Respect each row's licence when you redistribute: "
                    + "CC BY-SA 4.0 rows (Stack Overflow questions) must stay CC BY-SA; ODbL 1.0 rows (source "
                    + "stackoverflow-survey, signal developer_usage) are a Derivative Database of the Stack Overflow "
                    + "Developer Survey and must stay under the Open Database License 1.0, with the attribution "
                    + "'Stack Overflow Developer Survey 2013–2024, Stack Overflow (Stack Exchange Inc.), licensed under "
                    + "ODbL 1.0; usage shares compiled by Tech Trends API (Derivative Database, ODbL 1.0).' "
                    + "(https://opendatacommons.org/licenses/odbl/1-0/). Every source's attribution: /api/v1/sources.")
    @APIResponse(responseCode = "200", description = "CSV, streamed",
            content = @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    example = "technology,category,signal,granularity,period_start,value,raw_value,source,licence,ingested_at\n"
                            + "nestjs,frameworks,github_topic_developers,quarter,2021-07-01,0.001234,1520.0,"
                            + "github-innovation-graph,CC0 1.0,2026-11-24T09:33:18.949Z\n"))
    public Multi<String> observations(
            @Parameter(description = "Only this technology's observations (a slug); all when absent",
                    example = "nestjs") @QueryParam("technology") String technology,
            @Parameter(description = "Only the observations of this category's technologies; all when absent",
                    example = "frameworks") @QueryParam("category") String category,
            @Parameter(description = "Only this signal's observations (see /api/v1/signals); all when absent",
                    example = "github_topic_developers") @QueryParam("signal") String signal) {
        return filter(QueryParameters.optional(technology), QueryParameters.optional(category),
                QueryParameters.optional(signal))
                .onItem().transformToMulti(filter -> repository.exportCsvLines(filter, FETCH_SIZE));
    }

    /** The filter, with every name checked before the first line is sent: 404 or 400 as problem+json. */
    private Uni<ExportFilter> filter(String technology, String category, String signal) {
        Uni<Long> technologyId = technology == null ? Uni.createFrom().nullItem()
                : catalogue.technology(technology).map(CatalogueLookup.TechnologyRef::id);
        Uni<Long> categoryId = category == null ? Uni.createFrom().nullItem() : catalogue.categoryId(category);
        Uni<Boolean> signalKnown = signal == null ? Uni.createFrom().item(true) : repository.signalExists(signal);
        return technologyId.chain(t -> categoryId.chain(c -> signalKnown.map(known -> {
            if (!known) {
                throw new InvalidInputException("signal", "no signal has the key '" + signal + "'; see /api/v1/signals");
            }
            return new ExportFilter(t, c, signal);
        })));
    }
}
