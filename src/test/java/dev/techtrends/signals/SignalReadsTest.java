package dev.techtrends.signals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled data as the API shows it, checked cell by cell against the CSV files. */
@QuarkusTest
class SignalReadsTest {

    @BeforeAll
    static void exactNumbers() {
        ExactNumbers.configureRestAssured();
    }

    static final String TOPICS = "data/github-innovation-graph/topics_global_quarterly.csv";
    static final String LANGUAGES = "data/github-innovation-graph/languages_global_quarterly.csv";

    @Test
    void sourcesCarryLicencesAndAttribution() {
        given().get("/api/v1/sources").then().statusCode(200)
                .body("id", contains("github-innovation-graph", "hn-hiring-trends", "pypl", "stackexchange-api",
                        "stackoverflow", "stackoverflow-survey", "wikimedia-pageviews"))
                .body("find { it.id == 'wikimedia-pageviews' }.licence", equalTo("CC0 1.0"))
                .body("find { it.id == 'stackoverflow-survey' }.licence", equalTo("ODbL 1.0"))
                .body("find { it.id == 'stackoverflow-survey' }.attribution", equalTo("Stack Overflow Developer Survey "
                        + "2013–2024, Stack Overflow (Stack Exchange Inc.), licensed under ODbL 1.0; usage shares "
                        + "compiled by Tech Trends API (Derivative Database, ODbL 1.0)."))
                .body("find { it.id == 'pypl' }.licence", equalTo("CC BY 3.0"))
                .body("find { it.id == 'stackoverflow' }.licence", equalTo("CC BY-SA 4.0"))
                .body("find { it.id == 'github-innovation-graph' }.licence", equalTo("CC0 1.0"))
                .body("find { it.id == 'hn-hiring-trends' }.licence", equalTo("MIT"))
                .body("find { it.id == 'github-innovation-graph' }.signals",
                        contains("github_language_developers", "github_topic_developers"))
                .body("find { it.id == 'pypl' }.attribution", startsWith("PYPL PopularitY of Programming Language index"));
    }

    @Test
    void signalsListTheFiveOfTheDesignSurveyUsageAndTheConnectorsTwo() {
        given().get("/api/v1/signals").then().statusCode(200)
                .body("key", contains("developer_usage", "github_language_developers", "github_topic_developers",
                        "job_postings", "qa_questions", "search_interest", "stackoverflow_questions",
                        "wikipedia_pageviews"))
                .body("find { it.key == 'developer_usage' }.nativeGranularity", equalTo("year"))
                .body("find { it.key == 'developer_usage' }.publicationLagMonths", equalTo(6))
                .body("find { it.key == 'developer_usage' }.maxValue", equalTo(100.0))
                .body("find { it.key == 'developer_usage' }.licence", equalTo("ODbL 1.0"))
                .body("find { it.key == 'qa_questions' }.publicationLagMonths", equalTo(0))
                .body("find { it.key == 'qa_questions' }.nativeGranularity", equalTo("month"))
                .body("find { it.key == 'github_topic_developers' }.nativeGranularity", equalTo("quarter"))
                .body("find { it.key == 'job_postings' }.licence", equalTo("MIT"));
    }

    @Test
    void nestjsTopicSeriesStartsIn2021Q3WithTheCsvValues() {
        double expected = BundledCsv.sum(TOPICS, "share_of_sum",
                row -> row.get("topic").equals("nestjs") && row.get("period_start").equals("2025-07-01"));
        double expectedRaw = BundledCsv.sum(TOPICS, "num_pushers_sum",
                row -> row.get("topic").equals("nestjs") && row.get("period_start").equals("2025-07-01"));
        given().get("/api/v1/technologies/nestjs/series?granularity=quarter&signal=github_topic_developers")
                .then().statusCode(200)
                .body("technology", equalTo("nestjs"))
                .body("series[0].points[0].period", equalTo("2021-Q3"))
                .body("series[0].points.find { it.period == '2025-Q3' }.value", closeTo(expected, 1e-12))
                .body("series[0].points.find { it.period == '2025-Q3' }.raw", closeTo(expectedRaw, 1e-9))
                .body("sources.id", contains("github-innovation-graph"))
                .body("sources[0].licence", equalTo("CC0 1.0"));
    }

    @Test
    void aliasesOfOneTechnologyAreSummed() {
        Set<String> containerTopics = Set.of("docker", "kubernetes", "k8s", "containers");
        double expected = BundledCsv.sum(TOPICS, "share_of_sum",
                row -> containerTopics.contains(row.get("topic")) && row.get("period_start").equals("2025-07-01"));
        double expectedRaw = BundledCsv.sum(TOPICS, "num_pushers_sum",
                row -> containerTopics.contains(row.get("topic")) && row.get("period_start").equals("2025-07-01"));
        given().get("/api/v1/technologies/containerization/series?signal=github_topic_developers&from=2025-Q3")
                .then().statusCode(200)
                .body("series[0].points[0].period", equalTo("2025-Q3"))
                .body("series[0].points[0].value", closeTo(expected, 1e-12))
                .body("series[0].points[0].raw", closeTo(expectedRaw, 1e-9));
        double go = BundledCsv.sum(TOPICS, "share_of_sum", row -> (row.get("topic").equals("golang")
                || row.get("topic").equals("go")) && row.get("period_start").equals("2024-01-01"));
        given().get("/api/v1/technologies/go/series?signal=github_topic_developers&from=2024-Q1&to=2024-Q1")
                .then().statusCode(200).body("series[0].points[0].value", closeTo(go, 1e-12));
    }

    @Test
    void monthlySignalsMatchTheirCsvCells() {
        double python = BundledCsv.sum("data/pypl/pypl_languages_monthly.csv", "share",
                row -> row.get("language").equals("Python") && row.get("month").equals("2026-07-01"));
        given().get("/api/v1/technologies/python/series?signal=search_interest&from=2026-07&to=2026-07")
                .then().statusCode(200)
                .body("series[0].points[0].period", equalTo("2026-07"))
                .body("series[0].points[0].value", closeTo(python, 1e-12))
                .body("series[0].points[0].raw", nullValue())
                .body("sources[0].licence", equalTo("CC BY 3.0"));
        double php = BundledCsv.sum("data/stackoverflow-sede/so_questions_monthly.csv", "share_of_listed_tags",
                row -> row.get("tag").equals("php") && row.get("month").equals("2020-06-01"));
        double phpQuestions = BundledCsv.sum("data/stackoverflow-sede/so_questions_monthly.csv", "questions",
                row -> row.get("tag").equals("php") && row.get("month").equals("2020-06-01"));
        given().get("/api/v1/technologies/php/series?signal=qa_questions&from=2020-06-01&to=2020-06-30")
                .then().statusCode(200)
                .body("series[0].points[0].value", closeTo(php, 1e-12))
                .body("series[0].points[0].raw", closeTo(phpQuestions, 1e-9));
        double kubernetesQuarter = BundledCsv.sum(LANGUAGES, "share_of_sum",
                row -> row.get("language").equals("Dockerfile") && row.get("period_start").equals("2024-01-01"));
        given().get("/api/v1/technologies/containerization/series?signal=github_language_developers&from=2024-Q1")
                .then().statusCode(200).body("series[0].points[0].value", closeTo(kubernetesQuarter, 1e-12));
    }

    @Test
    void quarterlyMeanOfThreeMonths() {
        List<Map<String, String>> months = BundledCsv.rows("data/pypl/pypl_languages_monthly.csv").stream()
                .filter(row -> row.get("language").equals("Rust") && row.get("month").compareTo("2025-01-01") >= 0
                        && row.get("month").compareTo("2025-03-01") <= 0)
                .toList();
        assertEquals(3, months.size());
        double mean = months.stream().mapToDouble(row -> Double.parseDouble(row.get("share"))).sum() / 3;
        given().get("/api/v1/technologies/rust/series?signal=search_interest&granularity=quarter&from=2025-Q1&to=2025-Q1")
                .then().statusCode(200)
                .body("granularity", equalTo("quarter"))
                .body("series[0].points[0].period", equalTo("2025-Q1"))
                .body("series[0].points[0].value", closeTo(mean, 1e-12))
                .body("series[0].points[0].raw", nullValue());
    }

    @Test
    void jobPostingsLeaveOutTheMonthWithThreePostings() {
        given().get("/api/v1/technologies/python/series?signal=job_postings&from=2011-11&to=2012-01")
                .then().statusCode(200)
                .body("series[0].points.period", contains("2011-11", "2012-01"));
        // 2011-07 has no thread and 2011-12 is dropped: both quarters are missing, never zero.
        given().get("/api/v1/technologies/python/series?signal=job_postings&granularity=quarter&from=2011-Q2&to=2012-Q1")
                .then().statusCode(200)
                .body("series[0].points.period", contains("2011-Q2", "2012-Q1"));
    }

    @Test
    void quarkusHasOnlyItsSurveyUsageAndASignalWithoutDataAnEmptySeries() {
        given().get("/api/v1/technologies/quarkus/series").then().statusCode(200)
                .body("series.signal", contains("developer_usage"))
                .body("series[0].nativeGranularity", equalTo("year"))
                .body("series[0].points.period", contains("2023", "2024"))
                .body("series[0].points.value", contains(1.13, 1.28))
                .body("sources.id", contains("stackoverflow-survey"));
        // yearly values keep their year when the rest is shown by quarter
        given().get("/api/v1/technologies/quarkus/series?granularity=quarter").then().statusCode(200)
                .body("series[0].points.period", contains("2023", "2024"));
        given().get("/api/v1/technologies/quarkus/series?signal=github_topic_developers").then().statusCode(200)
                .body("series", empty()).body("sources", empty());
        given().get("/api/v1/technologies/quarkus").then().statusCode(200)
                .body("sourceKeys.findAll { it.signal == 'developer_usage' }.key",
                        contains("MiscTech: other frameworks and libraries | Quarkus"))
                .body("sourceKeys.findAll { it.signal == 'stackoverflow_questions' }.key", contains("quarkus"))
                .body("sourceKeys.findAll { it.signal == 'wikipedia_pageviews' }.key", contains("Quarkus"));
        given().get("/api/v1/technologies/containerization").then().statusCode(200)
                .body("sourceKeys.findAll { it.signal == 'github_topic_developers' }.key",
                        contains("containers", "docker", "k8s", "kubernetes"));
    }

    @Test
    void seriesAsCsvCarriesSourceAndLicence() {
        String csv = given().accept("text/csv")
                .get("/api/v1/technologies/go/series?signal=qa_questions&from=2025-01&to=2025-02")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("technology,signal,granularity,period,period_start,value,raw,source,licence", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("go,qa_questions,month,2025-01,2025-01-01,"));
        assertTrue(lines.get(1).endsWith(",stackoverflow,CC BY-SA 4.0"));
    }

    @Test
    void seriesParametersAreValidated() {
        given().get("/api/v1/technologies/go/series?signal=stars").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("signal"));
        given().get("/api/v1/technologies/go/series?from=2025-13&to=last-year").then().statusCode(400)
                .body("errors.field", contains("from", "to"));
        given().get("/api/v1/technologies/go/series?from=2025-Q3&to=2025-Q1").then().statusCode(400)
                .body("errors[0].reason", equalTo("must not be before from"));
        given().get("/api/v1/technologies/go/series?granularity=week").then().statusCode(400)
                .body("errors[0].field", equalTo("granularity"));
        given().get("/api/v1/technologies/fortran/series").then().statusCode(404)
                .body("detail", equalTo("No technology has the slug 'fortran'."));
    }

    @Test
    void exportStreamsEveryObservationWithLicences() {
        String csv = given().get("/api/v1/export/observations.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("technology,category,signal,granularity,period_start,value,raw_value,source,licence,ingested_at",
                lines.get(0));
        assertTrue(lines.size() > 10_000, "every bundled observation, got " + lines.size());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("nestjs,frameworks,github_topic_developers,quarter,2021-07-01,")));
        assertTrue(lines.stream().filter(line -> line.startsWith("quarkus,")).allMatch(line ->
                line.startsWith("quarkus,frameworks,developer_usage,year,") && line.contains(",stackoverflow-survey,ODbL 1.0,")));
        assertTrue(lines.stream().skip(1).allMatch(line -> line.contains(",CC0 1.0,") || line.contains(",CC BY 3.0,")
                || line.contains(",CC BY-SA 4.0,") || line.contains(",MIT,") || line.contains(",ODbL 1.0,")));
    }

    @Test
    void anExportNarrowsToATechnologyACategoryOrASignal() {
        String everything = given().get("/api/v1/export/observations.csv").then().statusCode(200).extract().asString();
        List<String> nestjs = given().get("/api/v1/export/observations.csv?technology=nestjs").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString().lines().toList();
        assertEquals(everything.lines().filter(line -> line.startsWith("nestjs,")).toList(),
                nestjs.subList(1, nestjs.size()), "exactly NestJS's lines of the full export");
        List<String> databaseSurvey = given()
                .get("/api/v1/export/observations.csv?category=databases&signal=developer_usage").then()
                .statusCode(200).extract().asString().lines().skip(1).toList();
        assertEquals(everything.lines().filter(line -> line.contains(",databases,developer_usage,")).toList(),
                databaseSurvey);
        given().get("/api/v1/export/observations.csv?technology=fortran").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No technology has the slug 'fortran'."));
        given().get("/api/v1/export/observations.csv?category=editors").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("category"));
        given().get("/api/v1/export/observations.csv?signal=stars").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("signal"));
    }
}
