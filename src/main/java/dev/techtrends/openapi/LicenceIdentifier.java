package dev.techtrends.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The licence's SPDX identifier, which OpenAPI 3.1 asks for and openapi-generator refuses to go without. At run time:
 * Quarkus adds the info section from configuration after the build-time filters, and has no setting for it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class LicenceIdentifier implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null) {
            openAPI.getInfo().getLicense().setIdentifier("Apache-2.0");
        }
    }
}
