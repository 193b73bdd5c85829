package dev.techtrends.signals;

import dev.techtrends.scoring.Quarter;
import dev.techtrends.web.InvalidInputException;
import dev.techtrends.web.Problem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The from/to filter of a series: each bound may be a date (2021-07-01), a month (2021-07) or a quarter (2021-Q3);
 * from takes the start of its period and to the end of its period, both inclusive.
 */
public record PeriodRange(LocalDate fromInclusive, LocalDate toExclusive) {

    public static PeriodRange parse(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        try {
            start = from == null || from.isBlank() ? null : startOf(from.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("from", e.getMessage()));
        }
        try {
            end = to == null || to.isBlank() ? null : endOf(to.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("to", e.getMessage()));
        }
        if (errors.isEmpty() && start != null && end != null && !start.isBefore(end)) {
            errors.add(new Problem.FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid period range.", errors);
        }
        return new PeriodRange(start, end);
    }

    private static final String FORMATS = "must be a date (2021-07-01), a month (2021-07) or a quarter (2021-Q3)";

    static LocalDate startOf(String text) {
        try {
            if (text.contains("Q")) {
                return Quarter.parse(text).start();
            }
            if (text.length() == 7) {
                return YearMonth.parse(text).atDay(1);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMATS + ", got '" + text + "'");
        }
    }

    static LocalDate endOf(String text) {
        try {
            if (text.contains("Q")) {
                return Quarter.parse(text).plus(1).start();
            }
            if (text.length() == 7) {
                return YearMonth.parse(text).plusMonths(1).atDay(1);
            }
            return LocalDate.parse(text).plusDays(1);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMATS + ", got '" + text + "'");
        }
    }
}
