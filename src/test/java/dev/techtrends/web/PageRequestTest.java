package dev.techtrends.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    private static List<FieldError> errorsOf(String page, String size) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> PageRequest.parse(page, size));
        assertEquals("Invalid paging parameters.", error.getMessage());
        return error.errors();
    }

    @Test
    void startsAtTheFirstPageOfTwenty() {
        assertEquals(new PageRequest(1, 20), PageRequest.parse(null, null));
        assertEquals(new PageRequest(1, 20), PageRequest.parse("", "  "));
        assertEquals(20, PageRequest.DEFAULT_SIZE);
        assertEquals(500, PageRequest.MAX_SIZE);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 50", "' 7 ', ' 100 '", "+2, +10", "2147483647, 1"})
    void acceptsPagesFromOneAndSizesFromOneToAHundred(String page, String size) {
        PageRequest request = PageRequest.parse(page, size);
        assertEquals(Integer.parseInt(page.strip()), request.page());
        assertEquals(Integer.parseInt(size.strip()), request.size());
    }

    @Test
    void keepsTheDefaultOfTheParameterLeftOut() {
        assertEquals(new PageRequest(4, 20), PageRequest.parse("4", null));
        assertEquals(new PageRequest(1, 5), PageRequest.parse(null, "5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-2147483648"})
    void refusesAPageBelowOne(String page) {
        assertEquals(List.of(new FieldError("page", "must be between 1 and 2147483647")), errorsOf(page, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "501", "1000"})
    void refusesASizeOutsideOneToAHundred(String size) {
        assertEquals(List.of(new FieldError("size", "must be between 1 and 500")), errorsOf(null, size));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e2", "0x10", "one", "1 0"})
    void refusesTextThatIsNotAWholeNumberQuotingIt(String text) {
        assertEquals(List.of(new FieldError("page", "must be a whole number, got '" + text + "'")),
                errorsOf(text, null));
        assertEquals(List.of(new FieldError("size", "must be a whole number, got '" + text + "'")),
                errorsOf(null, text));
    }

    @Test
    void quotesTheTextAsSent() {
        assertEquals(List.of(new FieldError("size", "must be a whole number, got ' x '")), errorsOf(null, " x "));
    }

    @Test
    void reportsBothParametersAtOnce() {
        assertEquals(List.of(
                new FieldError("page", "must be a whole number, got 'first'"),
                new FieldError("size", "must be between 1 and 500")),
                errorsOf("first", "501"));
        assertEquals(List.of(
                new FieldError("page", "must be between 1 and 2147483647"),
                new FieldError("size", "must be a whole number, got 'all'")),
                errorsOf("0", "all"));
    }

    @ParameterizedTest
    @CsvSource({"1, 20, 0", "2, 20, 20", "3, 25, 50", "10, 100, 900", "1, 1, 0", "21474837, 100, 2147483600"})
    void skipsTheEarlierPages(int page, int size, int offset) {
        assertEquals(offset, new PageRequest(page, size).offset());
    }

    @Test
    void neverGivesANegativeOffsetForAnAcceptedPage() {
        PageRequest request = PageRequest.parse(String.valueOf(Integer.MAX_VALUE), "100");
        assertTrue(request.offset() >= 0, "offset of page " + request.page() + " size " + request.size()
                + " is " + request.offset());
    }
}
