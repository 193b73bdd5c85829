package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.techtrends.scoring.Period.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static final String FORMS_MESSAGE =
            "must be a quarter (2025-Q3), a month (2025-07), a date (2025-07-15) or a year (2024), got '%s'";

    @ParameterizedTest
    @CsvSource({
        "2025-Q3,      QUARTER, 2025-07-01",
        "2025-q1,      QUARTER, 2025-01-01",
        "0001-Q4,      QUARTER, 0001-10-01",
        "2025-07,      MONTH,   2025-07-01",
        "2024-12,      MONTH,   2024-12-01",
        "2025-07-15,   DAY,     2025-07-15",
        "2024-02-29,   DAY,     2024-02-29",
        "9999-12-31,   DAY,     9999-12-31",
        "2024,         YEAR,    2024-01-01",
        "0001,         YEAR,    0001-01-01"
    })
    void parsesTheFourForms(String text, Kind kind, LocalDate start) {
        assertEquals(new Period(kind, start), Period.parse(text));
    }

    @Test
    void ignoresSurroundingBlanks() {
        assertEquals(new Period(Kind.QUARTER, LocalDate.of(2025, 4, 1)), Period.parse("  2025-Q2\t"));
        assertEquals(new Period(Kind.MONTH, LocalDate.of(2025, 7, 1)), Period.parse("\n2025-07 "));
        assertEquals(new Period(Kind.DAY, LocalDate.of(2025, 7, 15)), Period.parse(" 2025-07-15 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "2025-00", "2025-02-30", "2023-02-29", "2025-04-31", "2025-07-00",
                            "0000-Q1", "0000-01", "0000-01-01", "2025-Q5", "2025-Q0", "garbage", "", "   ",
                            "0000", "20251", "25-07", "2025-7", "2025-07-1", "2025/07/15", "2025-Q3-01", "2025-07-15T00:00",
                            "20250-01", "Q3-2025", "2025-Q 3"})
    void refusesAnythingElseQuotingTheTextAsGiven(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
        assertEquals(FORMS_MESSAGE.formatted(text), error.getMessage());
    }

    @Test
    void refusesNull() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Period.parse(null));
        assertEquals(FORMS_MESSAGE.formatted("null"), error.getMessage());
    }

    @Test
    void namesItsFormsForMessages() {
        assertEquals("a quarter (2025-Q3), a month (2025-07), a date (2025-07-15) or a year (2024)", Period.FORMS);
    }

    @ParameterizedTest
    @CsvSource({
        "2025-Q1,    2025-04-01",
        "2025-Q4,    2026-01-01",
        "2024-02,    2024-03-01",
        "2025-12,    2026-01-01",
        "2025-07-15, 2025-07-16",
        "2024-02-28, 2024-02-29",
        "2025-12-31, 2026-01-01",
        "2024,       2025-01-01"
    })
    void endsTheDayAfterThePeriod(String text, LocalDate endExclusive) {
        assertEquals(endExclusive, Period.parse(text).endExclusive());
    }

    @ParameterizedTest
    @CsvSource({
        "2025-Q3,    2025-Q3",
        "2025-01,    2025-Q1",
        "2025-03,    2025-Q1",
        "2025-04,    2025-Q2",
        "2025-09-30, 2025-Q3",
        "2025-10-01, 2025-Q4",
        "2025-12-31, 2025-Q4"
    })
    void knowsTheQuarterItStartsIn(String text, String quarter) {
        assertEquals(Quarter.parse(quarter), Period.parse(text).quarter());
    }

    @ParameterizedTest
    @CsvSource({
        "2025-07,     2025-07-01",
        "2025-07-01,  2025-07-01",
        "' 2025-02 ', 2025-02-01",
        "2024-02-01,  2024-02-01"
    })
    void startsAMonthFromTheMonthOrItsFirstDay(String text, LocalDate start) {
        assertEquals(start, Period.startOf(text, Granularity.MONTH));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-Q3,    2025-07-01",
        "2025-q4,    2025-10-01",
        "2025-07-01, 2025-07-01",
        "2025-01-01, 2025-01-01",
        "2025-04-01, 2025-04-01",
        "2025-10-01, 2025-10-01"
    })
    void startsAQuarterFromTheQuarterOrItsFirstDay(String text, LocalDate start) {
        assertEquals(start, Period.startOf(text, Granularity.QUARTER));
    }

    @ParameterizedTest
    @CsvSource({
        "2024,        2024-01-01",
        "2024-01-01,  2024-01-01",
        "' 2013 ',    2013-01-01"
    })
    void startsAYearFromTheYearOrItsFirstDay(String text, LocalDate start) {
        assertEquals(start, Period.startOf(text, Granularity.YEAR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-Q1", "2024-01", "0000", "garbage"})
    void refusesAnotherKindOrInvalidTextForAYearlySignal(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Period.startOf(text, Granularity.YEAR));
        assertEquals("must be a year (2024) or its first day (2024-01-01), got '" + text + "'", error.getMessage());
    }

    @Test
    void refusesADayThatDoesNotStartAYear() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Period.startOf("2024-07-01", Granularity.YEAR));
        assertEquals("must be the first day of a year for this yearly signal, got '2024-07-01'", error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "2025-08-01, quarter, QUARTER",
        "2025-07-02, quarter, QUARTER",
        "2025-12-31, quarter, QUARTER",
        "2025-07-15, month,   MONTH",
        "2025-02-28, month,   MONTH"
    })
    void refusesADayThatDoesNotStartThePeriod(String text, String unit, Granularity granularity) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Period.startOf(text, granularity));
        assertEquals("must be the first day of a " + unit + " for this " + unit + "ly signal, got '" + text + "'",
                error.getMessage());
    }

    @Test
    void refusesADayThatDoesNotStartAQuarterWithTheExactMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Period.startOf("2025-08-01", Granularity.QUARTER));
        assertEquals("must be the first day of a quarter for this quarterly signal, got '2025-08-01'",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-Q3", "2025-13", "2025-02-30", "garbage", ""})
    void refusesAnotherKindOrInvalidTextForAMonthlySignal(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Period.startOf(text, Granularity.MONTH));
        assertEquals("must be a month (2025-07) or its first day (2025-07-01), got '" + text + "'",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07", "2025-01", "2025-Q5", "0000-Q1", "2025-02-30", "garbage"})
    void refusesAnotherKindOrInvalidTextForAQuarterlySignal(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Period.startOf(text, Granularity.QUARTER));
        assertEquals("must be a quarter (2025-Q3) or its first day (2025-07-01), got '" + text + "'",
                error.getMessage());
    }

    @Test
    void refusesNullForEitherGranularity() {
        assertEquals("must be a month (2025-07) or its first day (2025-07-01), got 'null'",
                assertThrows(IllegalArgumentException.class, () -> Period.startOf(null, Granularity.MONTH))
                        .getMessage());
        assertEquals("must be a quarter (2025-Q3) or its first day (2025-07-01), got 'null'",
                assertThrows(IllegalArgumentException.class, () -> Period.startOf(null, Granularity.QUARTER))
                        .getMessage());
    }
}
