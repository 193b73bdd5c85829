package dev.techtrends.signals.bundled;

import java.util.List;

/** PYPL search interest, languages and databases (two universes, one signal). */
public class V5__ImportPypl extends BundledSourceImport {
    @Override
    List<BundledFile> files() {
        return List.of(
                new BundledFile("search_interest", "data/pypl/pypl_languages_monthly.csv", "language", "month", "share",
                        null, all()),
                new BundledFile("search_interest", "data/pypl/pypl_databases_monthly.csv", "database", "month", "share",
                        null, all()));
    }
}
