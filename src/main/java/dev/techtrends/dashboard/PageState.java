package dev.techtrends.dashboard;

import dev.techtrends.rankings.ScoreQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a page's URL says about the scores it shows (asOf, weights or preset, α, method), as the reader set it. Every
 * link and chart on the page carries it on, so a shared URL shows the same figures.
 */
public record PageState(ScoreQuery scoreQuery) {

    /** The non-blank parameters, URL-encoded, e.g. {@code asOf=2024-Q2&preset=jobs}; empty when there are none. */
    public String params() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("asOf", scoreQuery.asOf());
        values.put("preset", scoreQuery.preset());
        values.put("weights", scoreQuery.weights());
        values.put("momentumWeight", scoreQuery.momentumWeight());
        values.put("method", scoreQuery.method());
        return values.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The state as a whole query ({@code ?asOf=…}), or empty. */
    public String query() {
        String params = params();
        return params.isEmpty() ? "" : "?" + params;
    }

    /** The state to append to a URL that has a query already ({@code &asOf=…}), or empty. */
    public String and() {
        String params = params();
        return params.isEmpty() ? "" : "&" + params;
    }

    /** Whether the reader chose custom weights (then no preset is selected). */
    public boolean customWeights() {
        return scoreQuery.weights() != null && !scoreQuery.weights().isBlank();
    }
}
