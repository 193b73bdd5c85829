package dev.techtrends.web.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.web.csv.Csv;
import dev.techtrends.web.csv.CsvTable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    record Row(String techSlug, LocalDate periodStart, Double value, Integer count, String note) {
    }

    record Reversed(String zeta, String alpha) {
    }

    record Table(List<Row> rows) implements CsvTable {
        @Override
        public Class<? extends Record> csvRowType() {
            return Row.class;
        }

        @Override
        public List<? extends Record> csvRows() {
            return rows;
        }
    }

    @Test
    void readsRecordsWithTheHeader() {
        assertEquals(List.of(List.of("signal", "value"), List.of("qa_questions", "0.1")),
                Csv.records("signal,value\nqa_questions,0.1\n"));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("x,y", "he said \"hi\"", "two\nlines")),
                Csv.records("a,b,c\n\"x,y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n"));
    }

    @Test
    void readsCrlfAndALastLineWithoutBreak() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4")),
                Csv.records("a,b\r\n1,2\r\n3,4"));
    }

    @Test
    void keepsEmptyFields() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("", "", ""), List.of("1", "", "")),
                Csv.records("a,b,c\n,,\n1,\"\",\n"));
    }

    @Test
    void skipsBlankLines() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4")),
                Csv.records("\na,b\n\n1,2\r\n\r\n   \n3,4\n\n"));
    }

    @Test
    void keepsBlankLinesInsideQuotes() {
        assertEquals(List.of(List.of("note"), List.of("first\n\nthird")), Csv.records("note\n\"first\n\nthird\"\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n\n"})
    void readsNoRecordsFromNothing(String text) {
        assertEquals(List.of(), Csv.records(text));
    }

    @Test
    void refusesAnUnterminatedQuote() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Csv.records("a,b\n1,\"open\n2,3\n"));
        assertEquals("Missing closing quote for value", error.getMessage());
        assertNotNull(error.getCause());
    }

    @Test
    void refusesTextAfterAClosingQuoteInOneLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Csv.records("a\n\"x\"y\n"));
        assertTrue(error.getMessage().startsWith("Unexpected character ('y'"), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void namesColumnsInSnakeCaseInComponentOrder() {
        assertEquals("tech_slug,period_start,value,count,note\n", Csv.header(Row.class));
        assertEquals("zeta,alpha\n", Csv.header(Reversed.class));
    }

    @Test
    void writesALineWithoutQuotesWhenNoneAreNeeded() {
        assertEquals("go,2025-07-01,0.25,3,plain text\n",
                Csv.line(new Row("go", LocalDate.of(2025, 7, 1), 0.25, 3, "plain text")));
    }

    @Test
    void writesNullsAsEmptyFields() {
        assertEquals("go,,,,\n", Csv.line(new Row("go", null, null, null, null)));
    }

    @Test
    void quotesFieldsWithCommasQuotesOrLineBreaks() {
        assertEquals("\"a,b\",2024-02-29,1.5,,\"say \"\"hi\"\"\"\n",
                Csv.line(new Row("a,b", LocalDate.of(2024, 2, 29), 1.5, null, "say \"hi\"")));
        assertEquals("go,,,,\"two\nlines\"\n", Csv.line(new Row("go", null, null, null, "two\nlines")));
    }

    @Test
    void writesTheTableWithItsHeaderAsUtf8() {
        Table table = new Table(List.of(new Row("go", LocalDate.of(2025, 1, 1), 0.5, 10, "Café"),
                new Row("c,d", null, null, null, null)));
        String expected = "tech_slug,period_start,value,count,note\n"
                + "go,2025-01-01,0.5,10,Café\n"
                + "\"c,d\",,,,\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Csv.bytes(table));
    }

    @Test
    void writesOnlyTheHeaderForAnEmptyTable() {
        assertEquals("tech_slug,period_start,value,count,note\n",
                new String(Csv.bytes(new Table(List.of())), StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWrites() {
        Row row = new Row("x,\"y\"", LocalDate.of(2025, 7, 15), 0.125, 7, "line\nbreak");
        String text = new String(Csv.bytes(new Table(List.of(row))), StandardCharsets.UTF_8);
        assertEquals(List.of(List.of("tech_slug", "period_start", "value", "count", "note"),
                List.of("x,\"y\"", "2025-07-15", "0.125", "7", "line\nbreak")), Csv.records(text));
    }
}
