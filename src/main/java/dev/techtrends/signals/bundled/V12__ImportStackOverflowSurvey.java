package dev.techtrends.signals.bundled;

import java.util.List;

/**
 * Stack Overflow Developer Survey usage shares, one value per edition, of all respondents: the one population with
 * every edition (professional developers start in 2018; see the source's PROVENANCE.md).
 */
public class V12__ImportStackOverflowSurvey extends BundledSourceImport {
    static final String POPULATION = "all respondents";

    @Override
    List<BundledFile> files() {
        return List.of(new BundledFile("developer_usage", "data/stackoverflow-survey/survey_usage.csv", "label",
                "edition", "percent", "respondents", row -> row.get("population").equals(POPULATION)));
    }
}
