package dev.techtrends.charts;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every chart shares, as the client sent them (ChartResource.Frame validates them). */
public record ChartLook(
        @Parameter(description = "Width in px, 320 to 2000", example = "800",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "320", maximum = "2000", defaultValue = "800")) @QueryParam("width") String width,
        @Parameter(description = "Height in px, 200 to 1200", example = "400",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "200", maximum = "1200", defaultValue = "400")) @QueryParam("height") String height,
        @Parameter(description = "Colours for a light or a dark page", example = "light")
        @QueryParam("theme") @DefaultValue("light") ChartTheme theme) {
}
