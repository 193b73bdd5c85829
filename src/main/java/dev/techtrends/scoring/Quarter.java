package dev.techtrends.scoring;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, the period every score is computed for. Written as {@code 2025-Q3}.
 *
 * @param year    the calendar year, 1 to 9999 (four digits keep {@link #toString()} and {@link #parse} symmetric)
 * @param quarter 1 to 4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern TEXT_FORM = Pattern.compile("(\\d{4})-[Qq]([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, got " + quarter);
        }
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year must be 1 to 9999, got " + year);
        }
    }

    /** Parses {@code 2025-Q3} (a lower-case {@code q} is accepted too). */
    public static Quarter parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("quarter is missing; expected YYYY-Qn, e.g. 2025-Q3");
        }
        Matcher matcher = TEXT_FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a quarter; expected YYYY-Qn with n from 1 to 4, e.g. 2025-Q3");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a quarter; the year must be 0001 or later");
        }
        return new Quarter(year, Integer.parseInt(matcher.group(2)));
    }

    /** The quarter the given day falls in. */
    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** The first day of the quarter. */
    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The quarter {@code quarters} later (earlier when negative). */
    public Quarter plus(int quarters) {
        return fromSequence(sequence() + quarters);
    }

    /** The quarter {@code quarters} earlier. */
    public Quarter minus(int quarters) {
        return plus(-quarters);
    }

    /** How many quarters lie from this one to {@code later}: 0 for the same quarter, negative if it is earlier. */
    public int quartersUntil(Quarter later) {
        return later.sequence() - sequence();
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(sequence(), other.sequence());
    }

    public boolean isAfter(Quarter other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(Quarter other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        String digits = Integer.toString(year); // String.format is far slower, and this is on every hot path
        return "0".repeat(4 - digits.length()) + digits + "-Q" + quarter;
    }

    /** Quarters counted from year 0, so quarter arithmetic is integer arithmetic. */
    private int sequence() {
        return year * 4 + quarter - 1;
    }

    private static Quarter fromSequence(int sequence) {
        return new Quarter(Math.floorDiv(sequence, 4), Math.floorMod(sequence, 4) + 1);
    }
}
