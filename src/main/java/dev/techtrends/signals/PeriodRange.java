package dev.techtrends.signals;

import dev.techtrends.scoring.Period;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The from/to filter of a series: each bound is a {@link Period}; from takes the start of its period and to the end
 * of its period, both inclusive.
 */
public record PeriodRange(LocalDate fromInclusive, LocalDate toExclusive) {

    public static PeriodRange parse(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        try {
            start = from == null || from.isBlank() ? null : Period.parse(from).start();
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("from", e.getMessage()));
        }
        try {
            end = to == null || to.isBlank() ? null : Period.parse(to).endExclusive();
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
}
