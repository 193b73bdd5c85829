package dev.techtrends.rankings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void arithmeticNoiseIsRoundedAway() {
        assertEquals("100.0", Double.toString(Figures.round(99.99999999999999)));
        assertEquals("0.3", Double.toString(Figures.round(0.1 + 0.2)));
        assertEquals("-14.9381305883", Double.toString(Figures.round(-14.938130588300002)));
    }

    @Test
    void twelveSignificantDigitsAreKeptWhateverTheMagnitude() {
        assertEquals(61.2345678901, Figures.round(61.23456789012345));
        assertEquals(1.23456789012E-7, Figures.round(1.2345678901234567E-7));
        assertEquals(123456789012345.0, Figures.round(123456789012345.0), "whole numbers stay as they are");
        assertEquals(0.0, Figures.round(0.0));
        assertEquals(Double.NaN, Figures.round(Double.NaN));
    }

    @Test
    void nullsAndListsKeepTheirShape() {
        assertNull(Figures.round((Double) null));
        assertEquals(Arrays.asList(null, 0.3, null), Figures.round(Arrays.asList(null, 0.1 + 0.2, null)));
        assertEquals(List.of(), Figures.round(List.of()));
    }
}
