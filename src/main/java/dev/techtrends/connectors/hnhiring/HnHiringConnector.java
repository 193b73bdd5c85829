package dev.techtrends.connectors.hnhiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.TechTrendsConfig;
import dev.techtrends.connectors.Connector;
import dev.techtrends.connectors.PeriodValues;
import dev.techtrends.connectors.Requests;
import dev.techtrends.signals.bundled.V17__ImportBundledSources;
import dev.techtrends.signals.ingestion.IngestionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code hn-hiring}: the monthly "Ask HN: Who is hiring?" threads of the {@code whoishiring} account, counted the way
 * the bundled series (ryanwi/hiringtrends) was, so that {@code job_postings} goes on past 2024-05: each top-level
 * comment is one posting, a term's value is the share of the month's postings that mention it (raw: their number),
 * the denominator every top-level comment, deleted ones included. The search is paged to its end (about 30 requests:
 * the account's other threads, "Who wants to be hired?" and "Freelancer?", are dropped by title), then one request
 * per month with a thread. A month without a thread (not posted yet) is skipped; one with fewer postings than the
 * bundled import keeps, or whose item is not the API's answer, is rejected; a search page that is not the API's
 * answer rejects every month asked.
 */
@ApplicationScoped
public class HnHiringConnector implements Connector {

    static final String QUERY = "hiring";
    static final String TAGS = "story,author_whoishiring";
    /** More pages than the API serves (it stops at 1,000 hits, 50 pages): a guard against a server ignoring page. */
    static final int MAX_PAGES = 60;
    private static final Pattern WHO_IS_HIRING =
            Pattern.compile("ask hn: who is hiring\\?\\s\\((\\w*)\\s(\\d{4})\\)", Pattern.CASE_INSENSITIVE);

    private final HnAlgoliaClient client;
    private final TechTrendsConfig.Connector config;
    private final ObjectMapper json;
    private final HiringTerms terms = HiringTerms.bundled();

    public HnHiringConnector(@RestClient HnAlgoliaClient client, TechTrendsConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config.connectors().hnHiring();
        this.json = json;
    }

    @Override
    public String name() {
        return "hn-hiring";
    }

    @Override
    public String signal() {
        return "job_postings";
    }

    @Override
    public TechTrendsConfig.Connector config() {
        return config;
    }

    /** A body that is not the API's answer. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message);
        }
    }

    @Override
    public Multi<PeriodValues> fetch(List<YearMonth> months, List<String> sourceKeys, Requests requests) {
        if (months.isEmpty()) {
            return Multi.createFrom().empty();
        }
        List<String> counted = new ArrayList<>();
        for (String term : sourceKeys) {
            if (terms.knows(term)) {
                counted.add(term);
            } else {
                requests.note("no matching rule for the term '" + term + "' in " + HiringTerms.RESOURCE);
            }
        }
        return threads(0, new HashMap<>(), requests)
                .onItem().transformToMulti(threads -> Multi.createFrom().iterable(months)
                        .filter(threads::containsKey)
                        .onItem().transformToUniAndConcatenate(month -> period(month, threads.get(month), counted,
                                requests)))
                .onFailure(MalformedAnswer.class).recoverWithMulti(failure -> Multi.createFrom().iterable(months)
                        .map(month -> PeriodValues.rejected(month, failure.getMessage())));
    }

    /** The thread id of each month, from this page of the search to its last. */
    private Uni<Map<YearMonth, String>> threads(int page, Map<YearMonth, String> found, Requests requests) {
        if (page == MAX_PAGES) {
            return Uni.createFrom().failure(new IllegalStateException("the search still had hits after "
                    + MAX_PAGES + " pages"));
        }
        return requests.send(() -> client.search(QUERY, TAGS, page)).chain(response -> {
            JsonNode hits = body(response, "search page " + page).get("hits");
            if (hits == null || !hits.isArray()) {
                throw new MalformedAnswer("search page " + page + " has no hits");
            }
            if (hits.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            for (JsonNode hit : hits) {
                String id = hit.path("objectID").asText("");
                YearMonth month = month(hit.path("title").asText(""));
                if (month != null && !id.isEmpty()) {
                    found.putIfAbsent(month, id); // newest first: of two threads of a month, the newer
                }
            }
            return threads(page + 1, found, requests);
        });
    }

    /** The month of a "Who is hiring? (Month YYYY)" title, by its first three letters as the bundle read it. */
    static YearMonth month(String title) {
        Matcher matcher = WHO_IS_HIRING.matcher(title);
        if (!matcher.find() || matcher.group(1).length() < 3) {
            return null;
        }
        String abbreviation = matcher.group(1).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbreviation)) {
                return YearMonth.of(Integer.parseInt(matcher.group(2)), month);
            }
        }
        return null;
    }

    private Uni<PeriodValues> period(YearMonth month, String id, List<String> counted, Requests requests) {
        // an item is 1 to 3 MB of JSON, matched against every term: parsed and counted on a worker thread
        return requests.send(() -> client.item(id)).emitOn(Infrastructure.getDefaultWorkerPool()).map(response -> {
            JsonNode postings;
            try {
                postings = body(response, "item " + id).get("children");
            } catch (MalformedAnswer e) {
                return PeriodValues.rejected(month, e.getMessage());
            }
            if (postings == null || !postings.isArray()) {
                return PeriodValues.rejected(month, "item " + id + " has no children");
            }
            int total = postings.size();
            if (total < V17__ImportBundledSources.MIN_POSTINGS) {
                return PeriodValues.rejected(month, "the thread " + id + " has " + total + " postings, fewer than the "
                        + V17__ImportBundledSources.MIN_POSTINGS + " a month needs (as in the bundled series)");
            }
            Map<String, Integer> counts = new HashMap<>();
            for (JsonNode posting : postings) {
                JsonNode text = posting.get("text");
                if (text != null && text.isTextual()) {
                    for (String term : terms.mentioned(text.asText(), counted)) {
                        counts.merge(term, 1, Integer::sum);
                    }
                }
            }
            List<IngestionRow> rows = new ArrayList<>();
            for (String term : counted) {
                int count = counts.getOrDefault(term, 0);
                rows.add(new IngestionRow(rows.size() + 1, signal(), null, term, month.toString(),
                        (double) count / total, (double) count));
            }
            return PeriodValues.complete(month, rows);
        });
    }

    /** The JSON object of a 200 answer; fails the run on another status, MalformedAnswer when it is no object. */
    private JsonNode body(Response response, String what) {
        String body = response.readEntity(String.class);
        if (response.getStatus() != 200) {
            throw new IllegalStateException("HN Algolia answered HTTP " + response.getStatus() + " for " + what);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new MalformedAnswer(what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedAnswer(what + " is not a JSON object");
        }
        return node;
    }
}
