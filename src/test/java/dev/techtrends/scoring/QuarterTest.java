package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterTest {

    @Test
    void parsesTheTextForm() {
        assertEquals(new Quarter(2025, 3), Quarter.parse("2025-Q3"));
        assertEquals(new Quarter(2004, 1), Quarter.parse(" 2004-q1 "));
        assertEquals("2025-Q3", Quarter.parse("2025-Q3").toString());
        assertEquals("0999-Q2", new Quarter(999, 2).toString());
        assertEquals(new Quarter(999, 2), Quarter.parse(new Quarter(999, 2).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "2025Q3", "2025-Q5", "2025-Q0", "25-Q1", "2025-3", "2025-Q3x", "Q3-2025",
                            "2025-Q", "20250-Q1", "0000-Q1", "2025-Q 3"})
    void refusesMalformedText(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Quarter.parse(text));
        assertTrue(error.getMessage().contains("'" + text + "'"), error.getMessage());
    }

    @Test
    void refusesMissingText() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Quarter.parse(null));
        assertTrue(error.getMessage().contains("YYYY-Qn"), error.getMessage());
    }

    @Test
    void refusesQuarterOutsideOneToFour() {
        assertThrows(IllegalArgumentException.class, () -> new Quarter(2025, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quarter(2025, 5));
        assertThrows(IllegalArgumentException.class, () -> new Quarter(0, 1));
    }

    @ParameterizedTest
    @CsvSource({"2025-01-01, 2025-Q1", "2025-03-31, 2025-Q1", "2025-04-01, 2025-Q2", "2025-06-30, 2025-Q2",
                "2025-07-15, 2025-Q3", "2025-09-30, 2025-Q3", "2025-10-01, 2025-Q4", "2025-12-31, 2025-Q4"})
    void findsTheQuarterOfADate(LocalDate date, String quarter) {
        assertEquals(Quarter.parse(quarter), Quarter.of(date));
    }

    @ParameterizedTest
    @CsvSource({"2025-Q1, 2025-01-01", "2025-Q2, 2025-04-01", "2025-Q3, 2025-07-01", "2025-Q4, 2025-10-01"})
    void startsOnTheFirstDay(String quarter, LocalDate start) {
        assertEquals(start, Quarter.parse(quarter).start());
        assertEquals(Quarter.parse(quarter), Quarter.of(start));
    }

    @Test
    void addsAndSubtractsAcrossYears() {
        Quarter q4 = Quarter.parse("2025-Q4");
        assertEquals(Quarter.parse("2026-Q1"), q4.plus(1));
        assertEquals(Quarter.parse("2027-Q4"), q4.plus(8));
        assertEquals(q4, q4.plus(0));
        assertEquals(Quarter.parse("2024-Q4"), Quarter.parse("2025-Q1").minus(1));
        assertEquals(Quarter.parse("2024-Q3"), Quarter.parse("2025-Q4").plus(-5));
        assertEquals(Quarter.parse("2024-Q4"), q4.minus(4));
    }

    @Test
    void countsQuartersBetween() {
        // NestJS data from 2021-Q3; its first growth is 6 quarters later
        assertEquals(6, Quarter.parse("2021-Q3").quartersUntil(Quarter.parse("2023-Q1")));
        assertEquals(-6, Quarter.parse("2023-Q1").quartersUntil(Quarter.parse("2021-Q3")));
        assertEquals(0, Quarter.parse("2023-Q1").quartersUntil(Quarter.parse("2023-Q1")));
        assertEquals(89, Quarter.parse("2004-Q2").quartersUntil(Quarter.parse("2026-Q3")));
    }

    @Test
    void ordersChronologically() {
        List<Quarter> quarters = new ArrayList<>(List.of(Quarter.parse("2025-Q1"), Quarter.parse("2024-Q4"),
                Quarter.parse("2025-Q3"), Quarter.parse("2019-Q2")));
        Collections.sort(quarters);
        assertEquals(List.of(Quarter.parse("2019-Q2"), Quarter.parse("2024-Q4"), Quarter.parse("2025-Q1"),
                Quarter.parse("2025-Q3")), quarters);
        assertTrue(Quarter.parse("2025-Q1").isAfter(Quarter.parse("2024-Q4")));
        assertTrue(Quarter.parse("2024-Q4").isBefore(Quarter.parse("2025-Q1")));
    }
}
