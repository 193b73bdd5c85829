package dev.techtrends.connectors.pypl;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.connectors.Connector;
import dev.techtrends.connectors.PeriodValues;
import dev.techtrends.connectors.Requests;
import dev.techtrends.signals.ingestion.IngestionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code pypl}: the PYPL index's two files (languages, databases), two requests a run, into the existing
 * {@code search_interest}. PYPL recomputes its whole history every month, so every month from the first configured
 * is stored again (unchanged ones change nothing). Months after the newest in the files are not published yet and
 * are skipped; a file that is not PYPL's rejects every month asked.
 */
@ApplicationScoped
public class PyplConnector implements Connector {

    private final PyplClient client;
    private final TechTrendsConfig.Connector config;

    public PyplConnector(@RestClient PyplClient client, TechTrendsConfig config) {
        this.client = client;
        this.config = config.connectors().pypl();
    }

    @Override
    public String name() {
        return "pypl";
    }

    @Override
    public String signal() {
        return "search_interest";
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
    public Multi<PeriodValues> fetch(List<YearMonth> months, List<String> names, Requests requests) {
        Uni<List<PeriodValues>> all = file(requests, true).chain(languages -> file(requests, false)
                .map(databases -> periods(months, names, languages, databases)))
                .onFailure(IllegalArgumentException.class).recoverWithItem(failure -> months.stream()
                        .map(month -> PeriodValues.rejected(month, "not a PYPL data file: " + failure.getMessage()))
                        .toList());
        return all.onItem().transformToMulti(list -> Multi.createFrom().iterable(list));
    }

    private Uni<PyplFile> file(Requests requests, boolean languages) {
        String path = languages ? "PYPL/All.js" : "DB/All.js";
        return requests.send(() -> languages ? client.languages() : client.databases())
                .emitOn(Infrastructure.getDefaultWorkerPool()) // parsed on a worker thread
                .map(response -> {
            String body = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new IllegalStateException("PYPL answered HTTP " + response.getStatus() + " for " + path);
            }
            try {
                return PyplFile.parse(body);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage());
            }
        });
    }

    private List<PeriodValues> periods(List<YearMonth> months, List<String> names, PyplFile languages,
                                       PyplFile databases) {
        YearMonth newest = languages.byMonth().lastKey();
        if (databases.byMonth().lastKey().isBefore(newest)) {
            newest = databases.byMonth().lastKey();
        }
        List<PeriodValues> periods = new ArrayList<>();
        for (YearMonth month : months) {
            if (month.isAfter(newest)) {
                continue; // not published yet: the next run asks again
            }
            Map<String, Double> languageShares = languages.byMonth().get(month);
            Map<String, Double> databaseShares = databases.byMonth().get(month);
            if (languageShares == null || databaseShares == null) {
                periods.add(PeriodValues.rejected(month, "the files have no row for " + month));
                continue;
            }
            List<IngestionRow> rows = new ArrayList<>();
            for (String name : names) {
                Double share = languageShares.containsKey(name) ? languageShares.get(name) : databaseShares.get(name);
                if (share != null) {
                    rows.add(new IngestionRow(rows.size() + 1, signal(), null, name, month.toString(), share, null));
                }
            }
            periods.add(PeriodValues.complete(month, rows));
        }
        return periods;
    }
}
