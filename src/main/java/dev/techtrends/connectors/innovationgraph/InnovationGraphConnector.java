package dev.techtrends.connectors.innovationgraph;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.connectors.Connector;
import dev.techtrends.connectors.PeriodValues;
import dev.techtrends.connectors.Requests;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.signals.ingestion.IngestionRow;
import dev.techtrends.web.csv.Csv;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code innovation-graph}: GitHub's Innovation Graph {@code languages.csv} and {@code topics.csv} into the existing
 * {@code github_language_developers} and {@code github_topic_developers}, as the bundled import derived them: per
 * quarter, the developers (num_pushers) summed over economies, {@code EU} left out (it repeats its member states),
 * as a share of the sum over every language (topic). GitHub revises history in each release, so every quarter from
 * the first configured is stored again (unchanged ones change nothing); quarters not in the files yet are skipped.
 * Two requests a run; the files (several MB) are read on a worker thread.
 */
@ApplicationScoped
public class InnovationGraphConnector implements Connector {

    static final String LANGUAGES = "github_language_developers";
    static final String TOPICS = "github_topic_developers";
    /** The European Union's rows: the sum of its members, also listed. */
    static final String EU = "EU";

    private final InnovationGraphClient client;
    private final TechTrendsConfig.Connector config;

    public InnovationGraphConnector(@RestClient InnovationGraphClient client, TechTrendsConfig config) {
        this.client = client;
        this.config = config.connectors().innovationGraph();
    }

    @Override
    public String name() {
        return "innovation-graph";
    }

    @Override
    public String signal() {
        return LANGUAGES;
    }

    @Override
    public List<String> signals() {
        return List.of(LANGUAGES, TOPICS);
    }

    @Override
    public TechTrendsConfig.Connector config() {
        return config;
    }

    @Override
    public boolean refetchesEverything() {
        return true;
    }

    @Override
    public Multi<PeriodValues> fetch(List<YearMonth> months, List<String> sourceKeys, Requests requests) {
        return fetch(months, Map.of(LANGUAGES, sourceKeys, TOPICS, List.of()), requests);
    }

    /** Shares per quarter and name of one file. */
    private record Shares(TreeMap<Quarter, Map<String, double[]>> byQuarter) {
    }

    @Override
    public Multi<PeriodValues> fetch(List<YearMonth> months, Map<String, List<String>> keys, Requests requests) {
        List<Quarter> quarters = completeQuarters(months);
        Uni<List<PeriodValues>> all = file(requests, true).chain(languages -> file(requests, false)
                .map(topics -> periods(quarters, keys, languages, topics)))
                .onFailure(IllegalArgumentException.class).recoverWithItem(failure -> quarters.stream()
                        .map(quarter -> PeriodValues.rejected(YearMonth.from(quarter.start()),
                                "not an Innovation Graph file: " + failure.getMessage()))
                        .toList());
        return all.onItem().transformToMulti(list -> Multi.createFrom().iterable(list));
    }

    /** The quarters whose three months are all among those asked, ascending. */
    public static List<Quarter> completeQuarters(List<YearMonth> months) {
        Set<YearMonth> asked = new LinkedHashSet<>(months);
        List<Quarter> quarters = new ArrayList<>();
        for (YearMonth month : months) {
            if (month.getMonthValue() % 3 == 1 && asked.contains(month.plusMonths(2))) {
                quarters.add(Quarter.of(month.atDay(1)));
            }
        }
        return quarters;
    }

    private Uni<Shares> file(Requests requests, boolean languages) {
        String name = languages ? "languages.csv" : "topics.csv";
        return requests.send(() -> languages ? client.languages() : client.topics())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(response -> {
                    String body = response.readEntity(String.class);
                    if (response.getStatus() != 200) {
                        throw new IllegalStateException("GitHub answered HTTP " + response.getStatus() + " for "
                                + name);
                    }
                    try {
                        return parse(body, languages ? "language" : "topic");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(name + ": " + e.getMessage());
                    }
                });
    }

    /** num_pushers summed per quarter and name over economies but EU: {sum, share}. */
    static Shares parse(String text, String nameColumn) {
        List<List<String>> records = Csv.records(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        List<String> header = records.get(0);
        int pushers = header.indexOf("num_pushers");
        int name = header.indexOf(nameColumn);
        int economy = header.indexOf("iso2_code");
        int year = header.indexOf("year");
        int quarter = header.indexOf("quarter");
        if (pushers < 0 || name < 0 || economy < 0 || year < 0 || quarter < 0) {
            throw new IllegalArgumentException("the header " + header + " lacks num_pushers, " + nameColumn
                    + ", iso2_code, year or quarter");
        }
        TreeMap<Quarter, Map<String, double[]>> byQuarter = new TreeMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() < header.size()) {
                throw new IllegalArgumentException("a row has " + record.size() + " of " + header.size() + " fields");
            }
            if (record.get(economy).equals(EU)) {
                continue;
            }
            Quarter at;
            double count;
            try {
                at = Quarter.parse(record.get(year) + "-Q" + record.get(quarter));
                count = Double.parseDouble(record.get(pushers));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("a row has " + record);
            }
            byQuarter.computeIfAbsent(at, q -> new HashMap<>())
                    .computeIfAbsent(record.get(name), n -> new double[2])[0] += count;
        }
        byQuarter.values().forEach(ofQuarter -> {
            double total = ofQuarter.values().stream().mapToDouble(sum -> sum[0]).sum();
            ofQuarter.values().forEach(sum -> sum[1] = total > 0 ? sum[0] / total : 0);
        });
        return new Shares(byQuarter);
    }

    private List<PeriodValues> periods(List<Quarter> quarters, Map<String, List<String>> keys, Shares languages,
                                       Shares topics) {
        List<PeriodValues> periods = new ArrayList<>();
        for (Quarter quarter : quarters) {
            Map<String, double[]> ofLanguages = languages.byQuarter().get(quarter);
            Map<String, double[]> ofTopics = topics.byQuarter().get(quarter);
            if (ofLanguages == null && ofTopics == null) {
                continue; // not released yet: the next run asks again
            }
            List<IngestionRow> rows = new ArrayList<>();
            add(rows, LANGUAGES, keys.getOrDefault(LANGUAGES, List.of()), ofLanguages, quarter);
            add(rows, TOPICS, keys.getOrDefault(TOPICS, List.of()), ofTopics, quarter);
            periods.add(PeriodValues.complete(YearMonth.from(quarter.start()), rows));
        }
        return periods;
    }

    private static void add(List<IngestionRow> rows, String signal, List<String> keys, Map<String, double[]> shares,
                            Quarter quarter) {
        if (shares == null) {
            return;
        }
        for (String key : keys) {
            double[] sum = shares.get(key);
            if (sum != null) {
                rows.add(new IngestionRow(rows.size() + 1, signal, null, key, quarter.toString(), sum[1], sum[0]));
            }
        }
    }
}
