package dev.techtrends.connectors.stackexchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.TechTrendsConfig;
import dev.techtrends.connectors.Connector;
import dev.techtrends.connectors.PeriodValues;
import dev.techtrends.connectors.QuotaExhaustedException;
import dev.techtrends.connectors.Requests;
import dev.techtrends.signals.ingestion.IngestionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code stackexchange}: new Stack Overflow questions per tag and month, as a share of all questions created on
 * the site that month ({@code stackoverflow_questions}). A month costs one request per tag plus one for the site
 * total. Honours {@code backoff} and stops when {@code quota_remaining} runs low (both need a custom filter that
 * includes them; the built-in {@code total} hides them) or on a {@code throttle_violation}.
 */
@ApplicationScoped
public class StackExchangeConnector implements Connector {

    static final String SITE = "stackoverflow";
    /** The error of an exhausted quota or an IP that sent too much (HTTP 400, error_id 502). */
    static final int THROTTLE_VIOLATION = 502;
    /** Stands for "no tag": the count of all the site's questions, asked first in each month. */
    private static final String SITE_TOTAL = "";

    private final StackExchangeClient client;
    private final TechTrendsConfig.StackExchange config;
    private final ObjectMapper json;

    public StackExchangeConnector(@RestClient StackExchangeClient client, TechTrendsConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config.connectors().stackexchange();
        this.json = json;
    }

    @Override
    public String name() {
        return "stackexchange";
    }

    @Override
    public String signal() {
        return "stackoverflow_questions";
    }

    @Override
    public TechTrendsConfig.Connector config() {
        return config;
    }

    @Override
    public Multi<PeriodValues> fetch(List<YearMonth> months, List<String> tags, Requests requests) {
        return Multi.createFrom().iterable(months).onItem().transformToUniAndConcatenate(month -> month(month, tags,
                requests));
    }

    /**
     * The API's {@code fromdate} and {@code todate} of a month: Unix seconds, both inclusive, from its first second to
     * its last in UTC.
     */
    public static long[] creationDates(YearMonth month) {
        return new long[] {month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1};
    }

    private Uni<PeriodValues> month(YearMonth month, List<String> tags, Requests requests) {
        long[] creationDates = creationDates(month);
        long from = creationDates[0];
        long to = creationDates[1];
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        queries.add(SITE_TOTAL);
        queries.addAll(tags);
        return Multi.createFrom().iterable(queries)
                .onItem().transformToUniAndConcatenate(tag -> total(tag, from, to, requests)
                        .invoke(total -> counts.put(tag, total)))
                .collect().last()
                .map(done -> values(month, counts))
                .onFailure(MalformedAnswer.class)
                .recoverWithItem(failure -> PeriodValues.rejected(month, failure.getMessage()));
    }

    private PeriodValues values(YearMonth month, Map<String, Long> counts) {
        long siteTotal = counts.get(SITE_TOTAL);
        if (siteTotal <= 0) {
            return PeriodValues.rejected(month, "the site total of " + month + " is " + siteTotal);
        }
        List<IngestionRow> rows = new ArrayList<>();
        counts.forEach((tag, count) -> {
            if (!tag.equals(SITE_TOTAL)) {
                rows.add(new IngestionRow(rows.size() + 1, signal(), null, tag, month.toString(),
                        (double) count / siteTotal, (double) count));
            }
        });
        return PeriodValues.complete(month, rows);
    }

    /** A body that is not the API's answer: its month is rejected. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message);
        }
    }

    private Uni<Long> total(String tag, long from, long to, Requests requests) {
        String tagged = tag.equals(SITE_TOTAL) ? null : tag;
        return requests.send(() -> client.questions(SITE, tagged, from, to, config.filter(), config.key().orElse(null)))
                .map(response -> read(response, tag, requests));
    }

    private long read(Response response, String tag, Requests requests) {
        String body = response.readEntity(String.class);
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (Exception e) {
            throw new MalformedAnswer("the answer for " + describe(tag) + " is not JSON (HTTP "
                    + response.getStatus() + ")");
        }
        if (answer == null || !answer.isObject()) {
            throw new MalformedAnswer("the answer for " + describe(tag) + " is not a JSON object");
        }
        if (answer.path("error_id").asInt() == THROTTLE_VIOLATION) {
            throw new QuotaExhaustedException("Stack Exchange: " + answer.path("error_message").asText("throttled"));
        }
        if (response.getStatus() != 200) {
            throw new IllegalStateException("Stack Exchange answered HTTP " + response.getStatus() + " for "
                    + describe(tag) + ": " + answer.path("error_name").asText("") + " "
                    + answer.path("error_message").asText(""));
        }
        if (answer.has("backoff")) {
            requests.waitAtLeast(Duration.ofSeconds(answer.path("backoff").asLong()));
        }
        if (answer.has("quota_remaining")) {
            int remaining = answer.path("quota_remaining").asInt();
            requests.quotaRemaining(remaining);
            if (remaining < config.minQuotaRemaining()) {
                throw new QuotaExhaustedException("Stack Exchange: " + remaining + " requests left today");
            }
        }
        JsonNode total = answer.get("total");
        if (total == null || !total.canConvertToLong() || !total.isIntegralNumber() || total.asLong() < 0) {
            throw new MalformedAnswer("the answer for " + describe(tag) + " has no total");
        }
        return total.asLong();
    }

    private static String describe(String tag) {
        return tag.equals(SITE_TOTAL) ? "the site total" : "tag '" + tag + "'";
    }
}
