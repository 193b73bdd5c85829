package dev.techtrends.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.techtrends.web.JsonMergePatch;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.problem.NoSuchResourceException;
import dev.techtrends.web.security.ApiKeyIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CategoryResource {

    private final CatalogueQueries queries;
    private final CatalogueService service;
    private final JsonMergePatch mergePatch;

    public CategoryResource(CatalogueQueries queries, CatalogueService service, JsonMergePatch mergePatch) {
        this.queries = queries;
        this.service = service;
        this.mergePatch = mergePatch;
    }

    @GET
    @CachedRead
    @Operation(operationId = "listCategories", summary = "List categories",
            description = "The groups technologies are ranked in, sorted by name, each with its technology count. "
                    + "Paged; the Link header carries first/prev/next/last.")
    @APIResponse(responseCode = "200", description = "A page of categories",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryPage.class)))
    public Uni<Response> list(
            @Parameter(description = "Page number, from 1", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 500 (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        PageRequest pageRequest = PageRequest.parse(page, size);
        return queries.categories(pageRequest).map(result -> result.toResponse(uriInfo));
    }

    @GET
    @CachedRead
    @Path("{slug}")
    @Operation(operationId = "getCategory", summary = "Get a category",
            description = "One category with the number of technologies it holds.")
    @APIResponse(responseCode = "200", description = "The category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    public Uni<CategoryView> get(
            @Parameter(description = "Category slug", example = "frameworks") @PathParam("slug") String slug) {
        return queries.category(slug).onItem().ifNull().failWith(() -> NoSuchResourceException.of("category", slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createCategory", summary = "Create a category (admin)",
            description = "Adds a category. 409 if the slug is taken.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    public Uni<Response> create(@Valid @NotNull CategoryInput input, @Context UriInfo uriInfo) {
        return service.createCategory(input)
                .flatMap(queries::category)
                .map(created -> Response.created(uriInfo.getAbsolutePathBuilder().path(created.slug()).build())
                        .entity(created).build());
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "replaceCategory", summary = "Replace a category (admin)",
            description = "Replaces every field; the slug in the body may rename the category (409 if taken).")
    @APIResponse(responseCode = "200", description = "The category as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    public Uni<CategoryView> replace(
            @Parameter(description = "Category slug", example = "frameworks") @PathParam("slug") String slug,
            @Valid @NotNull CategoryInput input) {
        return service.updateCategory(slug, stored -> input).flatMap(queries::category);
    }

    @PATCH
    @Path("{slug}")
    @Consumes({MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchCategory", summary = "Change some fields of a category (admin)",
            description = "JSON merge patch (RFC 7396): absent fields keep their value; the result must be valid "
                    + "as a whole, exactly as for PUT.")
    @APIResponse(responseCode = "200", description = "The category as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    public Uni<CategoryView> patch(
            @Parameter(description = "Category slug", example = "frameworks") @PathParam("slug") String slug,
            @NotNull @Schema(implementation = CategoryInput.class) ObjectNode patch) {
        return service.updateCategory(slug, stored -> mergePatch.apply(stored, patch, CategoryInput.class))
                .flatMap(queries::category);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "deleteCategory", summary = "Delete a category (admin)",
            description = "Deletes an empty category; 409 while it still holds technologies.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @Parameter(description = "Category slug", example = "frameworks") @PathParam("slug") String slug) {
        return service.deleteCategory(slug).map(done -> Response.noContent().build());
    }

    @Schema(name = "CategoryPage")
    record CategoryPage(List<CategoryView> items, int page, int size, long totalItems, int totalPages) {
    }
}
