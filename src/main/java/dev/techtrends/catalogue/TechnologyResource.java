package dev.techtrends.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.techtrends.web.JsonMergePatch;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import dev.techtrends.web.security.ApiKeyIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/technologies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class TechnologyResource {

    private final CatalogueQueries queries;
    private final CatalogueService service;
    private final JsonMergePatch mergePatch;
    private final SourceKeyService sourceKeys;

    public TechnologyResource(CatalogueQueries queries, CatalogueService service, JsonMergePatch mergePatch,
            SourceKeyService sourceKeys) {
        this.sourceKeys = sourceKeys;
        this.queries = queries;
        this.service = service;
        this.mergePatch = mergePatch;
    }

    @GET
    @CachedRead
    @Operation(operationId = "listTechnologies", summary = "List technologies",
            description = "Technologies with their aliases and relations, filtered and sorted. q matches name and "
                    + "aliases (case-insensitive substring); relation is <type>:<slug>, e.g. runs-on:nodejs for "
                    + "everything that runs on Node.js. Sorts break ties by slug. Paged; the Link header carries "
                    + "first/prev/next/last.")
    @APIResponse(responseCode = "200", description = "A page of technologies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TechnologyPage.class)))
    public Uni<Response> list(
            @Parameter(description = "Category slug", example = "databases") @QueryParam("category") String category,
            @Parameter(description = "A finer split within the category (databases: relational, document, "
                    + "key-value, search, analytical…)", example = "relational") @QueryParam("type") String type,
            @Parameter(description = "At least this many signals with data (2: every score rests on two sources or "
                    + "more)", example = "2", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "20")) @QueryParam("minCoverage") String minCoverage,
            @Parameter(description = "Text in the name or an alias, case-insensitive", example = "postgres")
            @QueryParam("q") String q,
            @Parameter(description = "A relation type and a technology slug, as type:slug (runs-on:nodejs: what "
                    + "runs on Node.js); types: runs-on, written-in, implements",
                    example = "written-in:c") @QueryParam("relation") String relation,
            @Parameter(description = "Page number, from 1", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 500 (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "20")) @QueryParam("size") String size,
            @Parameter(description = "The order, - for descending; default name", example = "name",
                    schema = @Schema(implementation = TechnologySort.class))
            @QueryParam("sort") String sort,
            @Context UriInfo uriInfo) {
        PageRequest pageRequest = PageRequest.parse(page, size);
        TechnologyFilter filter = TechnologyFilter.parse(category, type, q, relation, minCoverage, sort);
        return queries.technologies(filter, pageRequest)
                .call(result -> result.totalItems() == 0 ? checkReferencesExist(filter) : Uni.createFrom().voidItem())
                .map(result -> result.toResponse(uriInfo));
    }

    /** An empty result from a misspelt category or relation target is reported, not silently answered. */
    private Uni<Void> checkReferencesExist(TechnologyFilter filter) {
        Uni<Void> categoryCheck = filter.category() == null ? Uni.createFrom().voidItem()
                : queries.category(filter.category()).invoke(found -> {
                    if (found == null) {
                        throw new InvalidInputException("category", "no category has the slug '" + filter.category() + "'");
                    }
                }).replaceWithVoid();
        return categoryCheck.chain(() -> filter.relationTarget() == null ? Uni.createFrom().voidItem()
                : queries.technology(filter.relationTarget()).invoke(found -> {
                    if (found == null) {
                        throw new InvalidInputException("relation",
                                "no technology has the slug '" + filter.relationTarget() + "'");
                    }
                }).replaceWithVoid());
    }

    @GET
    @CachedRead
    @Path("{slug}")
    @Operation(operationId = "getTechnology", summary = "Get a technology",
            description = "One technology with its aliases, its relations and the relations that point at it.")
    @APIResponse(responseCode = "200", description = "The technology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechnologyView.class)))
    public Uni<TechnologyView> get(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug) {
        return queries.technology(slug).onItem().ifNull().failWith(() -> NoSuchResourceException.of("technology", slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createTechnology", summary = "Create a technology (admin)",
            description = "Adds a technology with its aliases and relations. 409 if the slug is taken; 400 if the "
                    + "category or a relation target does not exist.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new technology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechnologyView.class)))
    public Uni<Response> create(@Valid @NotNull TechnologyInput input, @Context UriInfo uriInfo) {
        return service.createTechnology(input)
                .flatMap(queries::technology)
                .map(created -> Response.created(uriInfo.getAbsolutePathBuilder().path(created.slug()).build())
                        .entity(created).build());
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "replaceTechnology", summary = "Replace a technology (admin)",
            description = "Replaces every field, aliases and relations included; the slug in the body may rename "
                    + "the technology (409 if taken).")
    @APIResponse(responseCode = "200", description = "The technology as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechnologyView.class)))
    public Uni<TechnologyView> replace(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @Valid @NotNull TechnologyInput input) {
        return service.updateTechnology(slug, stored -> input).flatMap(queries::technology);
    }

    @PUT
    @Path("{slug}/source-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "replaceSourceKeys", summary = "Say how a technology is named in each signal (admin)",
            description = "Replaces the technology's source keys. Its observations of the bundled sources derive "
                    + "again from their stored universe at once (an item from /api/v1/discover brings its whole "
                    + "history, no re-import); several keys of one signal are summed. The answer waits for the "
                    + "scores to include the change.")
    @APIResponse(responseCode = "200", description = "The technology with its new keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechnologyView.class)))
    public Uni<TechnologyView> replaceSourceKeys(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @Valid @NotNull @Size(max = 200) List<@NotNull @Valid SourceKeyInput> keys) {
        return sourceKeys.replace(slug, keys).chain(() -> queries.technology(slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes({MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchTechnology", summary = "Change some fields of a technology (admin)",
            description = "JSON merge patch (RFC 7396): absent fields keep their value, null clears an optional "
                    + "field, arrays (aliases, relations) are replaced whole. The result is validated as for PUT.")
    @APIResponse(responseCode = "200", description = "The technology as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechnologyView.class)))
    public Uni<TechnologyView> patch(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug,
            @NotNull @Schema(implementation = TechnologyInput.class) ObjectNode patch) {
        return service.updateTechnology(slug, stored -> mergePatch.apply(stored, patch, TechnologyInput.class))
                .flatMap(queries::technology);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "deleteTechnology", summary = "Delete a technology (admin)",
            description = "Deletes a technology with its aliases and its own relations; 409 while other "
                    + "technologies relate to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @Parameter(description = "Technology slug", example = "nestjs") @PathParam("slug") String slug) {
        return service.deleteTechnology(slug).map(done -> Response.noContent().build());
    }

    @Schema(name = "TechnologyPage")
    record TechnologyPage(List<TechnologyView> items, int page, int size, long totalItems, int totalPages) {
    }
}
