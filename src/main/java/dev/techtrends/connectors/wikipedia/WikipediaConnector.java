package dev.techtrends.connectors.wikipedia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.TechTrendsConfig;
import dev.techtrends.connectors.Connector;
import dev.techtrends.connectors.PeriodValues;
import dev.techtrends.connectors.Requests;
import dev.techtrends.signals.ingestion.IngestionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code wikipedia}: English Wikipedia views of each technology's article per month (agent user), as a share of
 * all English Wikipedia user views that month ({@code wikipedia_pageviews}). One request per title for the whole
 * range asked, and one for the aggregate. A title the API does not know (404) is skipped and named in the run's
 * notes; months before an article existed are absent, never 0. A month the aggregate lacks is rejected; a body that
 * is not the API's answer rejects every month asked, since each month needs every title.
 */
@ApplicationScoped
public class WikipediaConnector implements Connector {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Stands for "no title": all of English Wikipedia's views, asked first. */
    private static final String AGGREGATE = "";
    private static final DateTimeFormatter TIMESTAMP_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final WikimediaClient client;
    private final TechTrendsConfig.Connector config;
    private final ObjectMapper json;

    public WikipediaConnector(@RestClient WikimediaClient client, TechTrendsConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config.connectors().wikipedia();
        this.json = json;
    }

    @Override
    public String name() {
        return "wikipedia";
    }

    @Override
    public String signal() {
        return "wikipedia_pageviews";
    }

    @Override
    public TechTrendsConfig.Connector config() {
        return config;
    }

    /** Views per month of one title, or of the aggregate; byMonth null when the title is unknown (404). */
    private record Views(Map<YearMonth, Long> byMonth) {
    }

    /** A body that is not the API's answer. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message);
        }
    }

    @Override
    public Multi<PeriodValues> fetch(List<YearMonth> months, List<String> titles, Requests requests) {
        if (months.isEmpty()) {
            return Multi.createFrom().empty();
        }
        String start = firstDay(months.get(0));
        String end = lastDay(months.get(months.size() - 1));
        List<String> queries = new ArrayList<>();
        queries.add(AGGREGATE);
        queries.addAll(titles);
        Map<String, Views> fetched = new HashMap<>();
        Uni<List<PeriodValues>> all = Multi.createFrom().iterable(queries)
                .onItem().transformToUniAndConcatenate(title -> views(title, start, end, requests)
                        .invoke(views -> fetched.put(title, views)))
                .collect().last()
                .map(done -> periods(months, titles, fetched))
                .onFailure(MalformedAnswer.class).recoverWithItem(failure -> months.stream()
                        .map(month -> PeriodValues.rejected(month, failure.getMessage())).toList());
        return all.onItem().transformToMulti(list -> Multi.createFrom().iterable(list));
    }

    /** The API's inclusive {@code start} of a month, YYYYMMDD. */
    public static String firstDay(YearMonth month) {
        return month.atDay(1).format(DAY);
    }

    /** The API's inclusive {@code end} of a month, YYYYMMDD: 29 in a leap February. */
    public static String lastDay(YearMonth month) {
        return month.atEndOfMonth().format(DAY);
    }

    private List<PeriodValues> periods(List<YearMonth> months, List<String> titles, Map<String, Views> fetched) {
        Map<YearMonth, Long> aggregate = fetched.get(AGGREGATE).byMonth();
        List<PeriodValues> periods = new ArrayList<>();
        for (YearMonth month : months) {
            Long total = aggregate.get(month);
            if (total == null || total <= 0) {
                periods.add(PeriodValues.rejected(month, "the aggregate has no views for " + month));
                continue;
            }
            List<IngestionRow> rows = new ArrayList<>();
            for (String title : titles) {
                Views views = fetched.get(title);
                Long count = views.byMonth() == null ? null : views.byMonth().get(month);
                if (count != null) {
                    rows.add(new IngestionRow(rows.size() + 1, signal(), null, title, month.toString(),
                            (double) count / total, (double) count));
                }
            }
            periods.add(PeriodValues.complete(month, rows));
        }
        return periods;
    }

    private Uni<Views> views(String title, String start, String end, Requests requests) {
        return requests.send(() -> title.equals(AGGREGATE) ? client.aggregate(start, end)
                        : client.article(title, start, end))
                .map(response -> read(response, title, requests));
    }

    private Views read(Response response, String title, Requests requests) {
        String what = title.equals(AGGREGATE) ? "the aggregate" : "'" + title + "'";
        String body = response.readEntity(String.class);
        if (response.getStatus() == 404 && !title.equals(AGGREGATE)) {
            requests.note("article not found (404): " + title);
            return new Views(null);
        }
        if (response.getStatus() != 200) {
            throw new IllegalStateException("Wikimedia answered HTTP " + response.getStatus() + " for " + what + ": "
                    + body.substring(0, Math.min(200, body.length())));
        }
        JsonNode items;
        try {
            items = json.readTree(body).get("items");
        } catch (Exception e) {
            throw new MalformedAnswer("the answer for " + what + " is not JSON");
        }
        if (items == null || !items.isArray()) {
            throw new MalformedAnswer("the answer for " + what + " has no items");
        }
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        for (JsonNode item : items) {
            String timestamp = item.path("timestamp").asText("");
            JsonNode views = item.get("views");
            if (timestamp.length() < 6 || views == null || !views.isIntegralNumber() || views.asLong() < 0) {
                throw new MalformedAnswer("the answer for " + what + " has an item without a month or views");
            }
            try {
                byMonth.put(YearMonth.parse(timestamp.substring(0, 6), TIMESTAMP_MONTH), views.asLong());
            } catch (RuntimeException e) {
                throw new MalformedAnswer("the answer for " + what + " has a bad timestamp '" + timestamp + "'");
            }
        }
        return new Views(byMonth);
    }
}
