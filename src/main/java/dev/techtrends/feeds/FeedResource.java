package dev.techtrends.feeds;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.catalogue.CatalogueLookup;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.cache.RenderedEachTime;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Atom feeds (RFC 4287) of what moved: the entries {@link FeedRecorder} keeps per data version, newest first. Each
 * entry's id is stable and its updated time is its data version's. Tagged and revalidated by ETag like every public
 * read, but rendered each time: the entries are recorded just after the scores they follow, with no new data version.
 */
@Path("/feeds")
@Tag(name = "Feeds")
@CachedRead
public class FeedResource {

    private static final String ENTRIES = "The newest " + FeedEntries.LIMIT + " entries, newest first. Each has a "
            + "stable id, updated = the time of the data version that brought the change, a title saying what changed, "
            + "a summary with the figures (method v4), a link to the dashboard page and the attribution of the sources "
            + "behind it (rights).";

    private final FeedEntries entries;
    private final CatalogueLookup catalogue;
    private final String base;

    public FeedResource(FeedEntries entries, CatalogueLookup catalogue, TechTrendsConfig config) {
        this.entries = entries;
        this.catalogue = catalogue;
        this.base = config.http().publicUrl().map(url -> url.replaceAll("/+$", "")).orElse("");
    }

    @GET
    @Path("movers.atom")
    @Produces(MediaTypes.ATOM_XML)
    @RenderedEachTime
    @Operation(operationId = "getMoversFeed", summary = "Atom feed of the technologies that moved",
            description = "One entry per technology that became rising or fading, entered or left its category's top "
                    + "tier, or moved into or out of its top " + FeedChanges.TOP + " with a new data version. "
                    + ENTRIES)
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = MediaTypes.ATOM_XML, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> movers(
            @Parameter(description = "Category slug; every category when absent", example = "languages")
            @QueryParam("category") String category) {
        String slug = QueryParameters.optional(category);
        if (slug == null) {
            return entries.movers(null).map(list -> feed("movers", "Tech Trends: backend technologies that moved",
                    "/feeds/movers.atom", "/", list));
        }
        return catalogue.categoryId(slug).chain(id -> entries.movers(id)).map(list -> feed("movers/" + slug,
                "Tech Trends: " + slug + " that moved", "/feeds/movers.atom?category=" + slug,
                "/categories/" + slug, list));
    }

    @GET
    @Path("technologies/{slug}.atom")
    @Produces(MediaTypes.ATOM_XML)
    @RenderedEachTime
    @Operation(operationId = "getTechnologyFeed", summary = "Atom feed of one technology's changes",
            description = "Its moves: rising or fading, in or out of its category's top tier or top " + FeedChanges.TOP
                    + ". " + ENTRIES)
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = MediaTypes.ATOM_XML, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> technology(
            @Parameter(description = "Technology slug", example = "java") @PathParam("slug") String slug) {
        return catalogue.technology(slug).chain(technology -> entries.technology(technology.id())
                .map(list -> feed("technologies/" + slug, "Tech Trends: " + technology.name(),
                        "/feeds/technologies/" + slug + ".atom", "/technologies/" + slug, list)));
    }

    @GET
    @Path("discover.atom")
    @Produces(MediaTypes.ATOM_XML)
    @RenderedEachTime
    @Operation(operationId = "getDiscoverFeed", summary = "Atom feed of new breakouts",
            description = "One entry per item of a source's universe that no technology maps, when it first entered "
                    + "the first " + FeedRecorder.BREAKOUTS + " of /api/v1/discover (default filters). " + ENTRIES)
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = MediaTypes.ATOM_XML, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> discover() {
        return entries.breakouts().map(list -> feed("discover", "Tech Trends: breakouts nobody has added yet",
                "/feeds/discover.atom", "/discover", list));
    }

    private String feed(String id, String title, String self, String page, FeedEntries.Listed listed) {
        return new AtomFeed(AtomFeed.ID_PREFIX + "feeds/" + id, title,
                "Rankings and momentum of backend technologies from openly licensed popularity signals",
                listed.updated(), base + self,
                base + page, listed.rights(), listed.entries().stream().map(entry -> new AtomFeed.Entry(entry.id(),
                        entry.title(), entry.updated(), base + entry.link(), entry.category(), entry.summary(),
                        entry.rights())).toList()).render();
    }
}
