package dev.techtrends.charts;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The axes of a line chart, as the client sent them. */
public record LineOptions(
        @Parameter(description = "The value axis: linear, or log (base 10). On a log axis values of 0 or below are "
                + "not drawn (a gap in the line) and interval ends there are cut at the axis' bottom; momentum, a "
                + "change that is often negative, takes only linear (400 otherwise)", example = "linear")
        @QueryParam("scale") @DefaultValue("linear") ChartScale scale,
        @Parameter(description = "The x axis: calendar quarters, or first-data: quarters since each line's first "
                + "value (+0 q, +4 q, …), to compare technologies from their start", example = "calendar")
        @QueryParam("align") @DefaultValue("calendar") ChartAlign align) {
}
