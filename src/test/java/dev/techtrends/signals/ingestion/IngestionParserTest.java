package dev.techtrends.signals.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem.FieldError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestionParserTest {

    private static final String KNOWN_JSON_FIELDS = "unknown field; known: signal, technology, sourceKey, period, "
            + "value, raw";
    private static final String KNOWN_CSV_COLUMNS = "unknown column; known: signal, technology, source_key, period, "
            + "value, raw";

    private static IngestionParser parser() {
        return parser(1000);
    }

    private static IngestionParser parser(int maxRows) {
        return new IngestionParser(new ObjectMapper(), maxRows);
    }

    private static InvalidInputException invalid(Executable parse) {
        return assertThrows(InvalidInputException.class, parse);
    }

    private static void assertRejected(List<FieldError> errors, Executable parse) {
        InvalidInputException error = invalid(parse);
        assertEquals("The upload was rejected and nothing was written: " + errors.size()
                + (errors.size() == 1 ? " error." : " errors."), error.getMessage());
        assertEquals(errors, error.errors());
    }

    private static void assertBodyError(String reason, Executable parse) {
        InvalidInputException error = invalid(parse);
        assertEquals("Invalid value for 'body': " + reason, error.getMessage());
        assertEquals(List.of(new FieldError("body", reason)), error.errors());
    }

    @Test
    void readsAJsonArrayOfRows() {
        List<IngestionRow> rows = parser().parseJson("""
                [{"signal":"qa_questions","technology":"go","period":"2025-06","value":0.1,"raw":1200},
                 {"signal":" github_topic_developers ","sourceKey":"docker","period":"2025-Q3","value":1e-4},
                 {"signal":"qa_questions","technology":null,"sourceKey":"go","period":"2025-07","value":0,
                  "raw":null}]""");
        assertEquals(List.of(
                new IngestionRow(1, "qa_questions", "go", null, "2025-06", 0.1, 1200.0),
                new IngestionRow(2, "github_topic_developers", null, "docker", "2025-Q3", 0.0001, null),
                new IngestionRow(3, "qa_questions", null, "go", "2025-07", 0.0, null)), rows);
    }

    @Test
    void leavesMissingJsonFieldsForTheValidator() {
        assertEquals(List.of(new IngestionRow(1, null, null, null, null, null, null)), parser().parseJson("[{}]"));
    }

    @Test
    void reportsWrongJsonTypesAndUnknownFieldsWithTheirRow() {
        assertRejected(List.of(
                new FieldError(2, "extra", KNOWN_JSON_FIELDS),
                new FieldError(2, "source_key", KNOWN_JSON_FIELDS),
                new FieldError(2, "signal", "must be a string"),
                new FieldError(2, "technology", "must be a string"),
                new FieldError(2, "period", "must be a string"),
                new FieldError(2, "value", "must be a number"),
                new FieldError(2, "raw", "must be a number")),
                () -> parser().parseJson("""
                        [{"signal":"qa_questions","technology":"go","period":"2025-06","value":0.1},
                         {"signal":1,"technology":true,"period":{"y":2025},"value":"0.1","raw":[1],
                          "extra":1,"source_key":"go"}]"""));
    }

    @Test
    void reportsARowThatIsNotAnObject() {
        assertRejected(List.of(
                new FieldError(1, "row", "must be a JSON object"),
                new FieldError(2, "row", "must be a JSON object"),
                new FieldError(3, "row", "must be a JSON object")),
                () -> parser().parseJson("[1, null, [\"qa_questions\"]]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"signal\":\"qa_questions\"}", "\"rows\"", "42", "", "  "})
    void refusesJsonThatIsNotAnArray(String body) {
        assertBodyError("must be a JSON array of rows", () -> parser().parseJson(body));
    }

    @Test
    void refusesMalformedJsonNamingWhere() {
        InvalidInputException error = invalid(() -> parser().parseJson("[{\"signal\":\"qa_questions\",}]"));
        assertTrue(error.getMessage().startsWith("The request body is not valid JSON (line 1, column "),
                error.getMessage());
        assertEquals(List.of(), error.errors());
    }

    @Test
    void refusesAnEmptyJsonArray() {
        assertBodyError("holds no rows", () -> parser().parseJson("[]"));
    }

    @Test
    void refusesJsonFollowedByMoreContent() {
        String row = "{\"signal\":\"qa_questions\",\"technology\":\"go\",\"period\":\"2025-06\",\"value\":0.1}";
        assertThrows(InvalidInputException.class, () -> parser().parseJson("[" + row + "] [" + row + "]"));
    }

    @Test
    void limitsTheRowsOfAJsonArray() {
        assertEquals(2, parser(2).parseJson("[{},{}]").size());
        assertBodyError("has more than 2 rows; split the upload", () -> parser(2).parseJson("[{},{},{}]"));
    }

    @Test
    void readsNdjsonSkippingBlankLines() {
        List<IngestionRow> rows = parser().parseNdjson("""
                {"signal":"qa_questions","technology":"go","period":"2025-06","value":0.1}

                {"signal":"qa_questions","sourceKey":"go","period":"2025-07","value":0.2,"raw":3}\r
                \t
                """);
        assertEquals(List.of(
                new IngestionRow(1, "qa_questions", "go", null, "2025-06", 0.1, null),
                new IngestionRow(2, "qa_questions", null, "go", "2025-07", 0.2, 3.0)), rows);
    }

    @Test
    void reportsNdjsonProblemsByRowNotLine() {
        assertRejected(List.of(
                new FieldError(2, "row", "must be a JSON object"),
                new FieldError(3, "tech", KNOWN_JSON_FIELDS),
                new FieldError(3, "value", "must be a number")),
                () -> parser().parseNdjson("{}\n\n[1]\n{\"value\":\"x\",\"tech\":\"go\"}\n"));
    }

    @Test
    void namesTheNdjsonLineThatIsNotJson() {
        InvalidInputException error = invalid(() -> parser().parseNdjson("{}\n\nnot json\n{}"));
        assertTrue(error.getMessage().startsWith("Line 3 is not valid JSON (line 1, column "), error.getMessage());
        assertEquals(List.of(), error.errors());
    }

    @Test
    void refusesAnNdjsonLineHoldingTwoValues() {
        String row = "{\"signal\":\"qa_questions\",\"technology\":\"go\",\"period\":\"2025-06\",\"value\":0.1}";
        assertThrows(InvalidInputException.class, () -> parser().parseNdjson(row + " " + row + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " \n\r\n\t\n"})
    void refusesNdjsonWithoutRows(String body) {
        assertBodyError("holds no rows", () -> parser().parseNdjson(body));
    }

    @Test
    void limitsTheRowsOfNdjsonBeforeReadingFurther() {
        assertEquals(2, parser(2).parseNdjson("{}\n\n{}\n").size());
        assertBodyError("has more than 2 rows; split the upload", () -> parser(2).parseNdjson("{}\n{}\nnot json\n"));
    }

    @Test
    void readsCsvWithColumnsInAnyOrder() {
        List<IngestionRow> rows = parser().parseCsv("""
                value,period,technology,signal,raw
                0.1,2025-06,go,qa_questions,1200
                 2.5e-4 , 2025-Q3 , nestjs , github_topic_developers ,
                """);
        assertEquals(List.of(
                new IngestionRow(1, "qa_questions", "go", null, "2025-06", 0.1, 1200.0),
                new IngestionRow(2, "github_topic_developers", "nestjs", null, "2025-Q3", 0.00025, null)), rows);
    }

    @Test
    void acceptsSourceKeyUnderEitherName() {
        IngestionRow expected = new IngestionRow(1, "github_topic_developers", null, "docker", "2025-Q3", 0.1, null);
        assertEquals(List.of(expected), parser().parseCsv(
                "signal,source_key,period,value\ngithub_topic_developers,docker,2025-Q3,0.1\n"));
        assertEquals(List.of(expected), parser().parseCsv(
                "signal, sourceKey ,period,value\ngithub_topic_developers,docker,2025-Q3,0.1\n"));
    }

    @Test
    void readsEmptyCellsAsAbsent() {
        assertEquals(List.of(new IngestionRow(1, null, null, null, null, null, null)),
                parser().parseCsv("signal,technology,source_key,period,value,raw\n, ,,  ,,\n"));
    }

    @Test
    void readsQuotedCsvFields() {
        List<IngestionRow> rows = parser().parseCsv("""
                signal,technology,period,value
                "qa_questions","go,lang","2025-06","0.1"
                qa_questions,"say ""go""\",2025-07,0.2
                """);
        assertEquals(List.of(
                new IngestionRow(1, "qa_questions", "go,lang", null, "2025-06", 0.1, null),
                new IngestionRow(2, "qa_questions", "say \"go\"", null, "2025-07", 0.2, null)), rows);
    }

    @Test
    void refusesALineBreakInsideAQuotedField() {
        // CSV allows it, but no key, slug or period holds one: a control character is refused, not passed on.
        assertRejected(List.of(new FieldError(1, "technology", "must not hold control characters")),
                () -> parser().parseCsv("""
                        signal,technology,period,value
                        qa_questions,"multi
                        line",2025-08,0.3
                        """));
    }

    @Test
    void skipsBlankCsvLinesAndReadsCrlf() {
        List<IngestionRow> rows = parser().parseCsv(
                "signal,technology,period,value\r\n\r\nqa_questions,go,2025-06,0.1\r\n\r\nqa_questions,go,2025-07,0.2");
        assertEquals(List.of(
                new IngestionRow(1, "qa_questions", "go", null, "2025-06", 0.1, null),
                new IngestionRow(2, "qa_questions", "go", null, "2025-07", 0.2, null)), rows);
    }

    @Test
    void refusesUnknownColumnsAndMissingRequiredOnes() {
        InvalidInputException error = invalid(() -> parser().parseCsv("tech,Signal,value\ngo,qa_questions,0.1\n"));
        assertEquals("The CSV header is not usable.", error.getMessage());
        assertEquals(List.of(
                new FieldError(0, "tech", KNOWN_CSV_COLUMNS),
                new FieldError(0, "Signal", KNOWN_CSV_COLUMNS),
                new FieldError(0, "signal", "required column is missing from the header"),
                new FieldError(0, "period", "required column is missing from the header")), error.errors());
    }

    @Test
    void needsNeitherTechnologyNorSourceKeyColumn() {
        assertEquals(List.of(new IngestionRow(1, "qa_questions", null, null, "2025-06", 0.1, null)),
                parser().parseCsv("period,value,signal\n2025-06,0.1,qa_questions\n"));
    }

    @Test
    void reportsRaggedRowsAndNonNumericNumbers() {
        assertRejected(List.of(
                new FieldError(1, "row", "has 3 fields, the header has 5"),
                new FieldError(2, "value", "must be a number, got 'zero'"),
                new FieldError(2, "raw", "must be a number, got '1,200'"),
                new FieldError(3, "row", "has 6 fields, the header has 5")),
                () -> parser().parseCsv("""
                        signal,technology,period,value,raw
                        qa_questions,go,2025-06
                        qa_questions,go,2025-07,zero,"1,200"
                        qa_questions,go,2025-08,0.1,12,extra
                        """));
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertBodyError("is not valid CSV: Missing closing quote for value",
                () -> parser().parseCsv("signal,technology,period,value\n\"unterminated,go,2025-06,0.1\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "signal,technology,period,value\n", "signal,technology,period,value\n\n\n"})
    void refusesCsvWithoutDataRows(String body) {
        assertBodyError("holds no rows", () -> parser().parseCsv(body));
    }

    @Test
    void limitsTheRowsOfCsv() {
        String header = "signal,technology,period,value\n";
        String row = "qa_questions,go,2025-06,0.1\n";
        assertEquals(2, parser(2).parseCsv(header + row + row).size());
        assertBodyError("has more than 2 rows; split the upload", () -> parser(2).parseCsv(header + row.repeat(3)));
    }

    @Test
    void knowsItsFields() {
        assertEquals(Set.of("signal", "technology", "sourceKey", "period", "value", "raw"),
                IngestionParser.FIELDS);
    }
}
