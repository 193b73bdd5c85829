package dev.techtrends.dashboard;

import dev.techtrends.charts.ChartMetric;
import dev.techtrends.charts.ChartResource;
import dev.techtrends.charts.LineOptions;
import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.cache.RenderedEachTime;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's pages over HTTP: server-rendered (Qute) from {@link DashboardPages}' models, so they read with
 * JavaScript off, cached by data version like every read. A client that asks for JSON is sent (303) to the API read
 * that holds the page's data.
 */
@Path("/")
@CachedRead
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
public class DashboardResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Pages.Overview page);

        static native TemplateInstance category(Pages.Category page);

        static native TemplateInstance technology(Pages.Technology page);

        static native TemplateInstance compare(Pages.Compare page);

        static native TemplateInstance methodology(Pages.Methodology page);

        static native TemplateInstance discover(Pages.Discover page);

        static native TemplateInstance sources(Pages.Sources page);

        static native TemplateInstance error(Pages.Error page);
    }

    private final DashboardPages pages;

    public DashboardResource(DashboardPages pages) {
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> overview(@BeanParam ScoreQuery query, @Context HttpHeaders headers) {
        if (wantsJson(headers)) {
            return seeOther("/api/v1/rankings" + new PageState(query).query());
        }
        return pages.overview(query).map(page -> html(Templates.overview(page)));
    }

    @GET
    @Path("categories/{slug}")
    @Operation(hidden = true)
    public Uni<Response> category(@PathParam("slug") String slug,
            @QueryParam("sort") @DefaultValue("trend") ScoreOrder sort, @BeanParam ScoreQuery query,
            @Context HttpHeaders headers) {
        if (wantsJson(headers)) {
            return pages.existingCategory(slug).chain(category -> seeOther("/api/v1/rankings?category="
                    + encode(slug) + "&sort=" + sort.label() + new PageState(query).and()));
        }
        return pages.category(slug, sort, query).map(page -> html(Templates.category(page)));
    }

    @GET
    @Path("technologies/{slug}")
    @Operation(hidden = true)
    public Uni<Response> technology(@PathParam("slug") String slug, @BeanParam ScoreQuery query,
            @Context HttpHeaders headers) {
        if (wantsJson(headers)) {
            return pages.existingTechnology(slug).chain(technology -> seeOther("/api/v1/technologies/"
                    + encode(slug) + "/score" + new PageState(query).query()));
        }
        return pages.technology(slug, query).map(page -> html(Templates.technology(page)));
    }

    @GET
    @Path("compare")
    @Operation(hidden = true)
    public Uni<Response> compare(@QueryParam("technologies") List<String> technologies,
            @QueryParam("metric") @DefaultValue("trend") ScoreOrder metric, @BeanParam LineOptions options,
            @BeanParam ScoreQuery query, @Context HttpHeaders headers) {
        List<String> slugs = QueryParameters.slugs("technologies", technologies, 0, RankingService.MAX_COMPARED);
        ChartResource.scaleOf(options.scale(), ChartMetric.of(metric)); // refused here as the chart would refuse it
        if (wantsJson(headers)) {
            return seeOther("/api/v1/compare?technologies=" + encode(String.join(",", slugs))
                    + new PageState(query).and());
        }
        return pages.compare(slugs, metric, options, query).map(page -> html(Templates.compare(page)));
    }

    @GET
    @Path("discover")
    @Operation(hidden = true)
    public Uni<Response> discover(@QueryParam("source") String source, @Context HttpHeaders headers) {
        String chosen = QueryParameters.optional(source);
        if (wantsJson(headers)) {
            return seeOther("/api/v1/discover" + (chosen == null ? "" : "?source=" + encode(chosen)));
        }
        return pages.discover(chosen).map(page -> html(Templates.discover(page)));
    }

    @GET
    @Path("methodology")
    @Operation(hidden = true)
    public Uni<Response> methodology(@QueryParam("method") String method, @Context HttpHeaders headers) {
        if (wantsJson(headers)) {
            return seeOther("/api/v1/methodology" + new PageState(ScoreQuery.of(method, null)).query());
        }
        return pages.methodology(method).map(page -> html(Templates.methodology(page)));
    }

    @GET
    @Path("sources")
    @Operation(hidden = true)
    // as /api/v1/sources: freshness moves with the clock and connector runs, which change no data version
    @RenderedEachTime
    public Uni<Response> sources(@Context HttpHeaders headers) {
        if (wantsJson(headers)) {
            return seeOther("/api/v1/sources");
        }
        return pages.sources().map(page -> html(Templates.sources(page)));
    }

    /** Whether the client prefers JSON to HTML (browsers name text/html; the API's clients application/json). */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                return true;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Response html(TemplateInstance page) {
        return Response.ok(page.render(), HTML).build();
    }

    private static Uni<Response> seeOther(String location) {
        return Uni.createFrom().item(Response.seeOther(URI.create(location)).build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
