package dev.techtrends.scoring;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as people write it, the one grammar of every period parameter and uploaded period: a quarter
 * ({@code 2025-Q3}), a month ({@code 2025-07}), a day ({@code 2025-07-15}) or a year ({@code 2024}).
 *
 * @param kind  how precisely the text named the period
 * @param start its first day
 */
public record Period(Kind kind, LocalDate start) {

    /** What the text named. */
    public enum Kind {
        QUARTER, MONTH, DAY, YEAR
    }

    /** The forms, for messages. */
    public static final String FORMS = "a quarter (2025-Q3), a month (2025-07), a date (2025-07-15) or a year (2024)";

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /**
     * Parses one of the four forms (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException "must be a quarter (2025-Q3), a month (2025-07), a date (2025-07-15) or a year
     *                                  (2024), got '…'"
     */
    public static Period parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            Matcher matcher = QUARTER.matcher(trimmed);
            if (matcher.matches()) {
                return new Period(Kind.QUARTER, Quarter.parse(trimmed).start());
            }
            matcher = MONTH.matcher(trimmed);
            if (matcher.matches()) {
                return new Period(Kind.MONTH, LocalDate.of(year(matcher), Integer.parseInt(matcher.group(2)), 1));
            }
            matcher = DAY.matcher(trimmed);
            if (matcher.matches()) {
                return new Period(Kind.DAY, LocalDate.of(year(matcher), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3))));
            }
            matcher = YEAR.matcher(trimmed);
            if (matcher.matches()) {
                return new Period(Kind.YEAR, LocalDate.of(year(matcher), 1, 1));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            // an impossible month or day, or year 0000: reported below like any other text
        }
        throw new IllegalArgumentException("must be " + FORMS + ", got '" + text + "'");
    }

    /** The day after the period. */
    public LocalDate endExclusive() {
        return switch (kind) {
            case QUARTER -> start.plusMonths(3);
            case MONTH -> start.plusMonths(1);
            case DAY -> start.plusDays(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The quarter the period starts in. */
    public Quarter quarter() {
        return Quarter.of(start);
    }

    /**
     * The first day of the period of the given granularity that this text names: the period itself, or its first
     * day written as a date. Used where values are stored per month, quarter or year.
     *
     * @throws IllegalArgumentException when the text names another kind of period, or a day that does not start one
     */
    public static LocalDate startOf(String text, Granularity granularity) {
        String unit = granularity.name().toLowerCase(Locale.ROOT);
        String expected = switch (granularity) {
            case QUARTER -> "a quarter (2025-Q3) or its first day (2025-07-01)";
            case MONTH -> "a month (2025-07) or its first day (2025-07-01)";
            case YEAR -> "a year (2024) or its first day (2024-01-01)";
        };
        Period period;
        try {
            period = parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + expected + ", got '" + text + "'");
        }
        boolean named = switch (granularity) {
            case QUARTER -> period.kind() == Kind.QUARTER;
            case MONTH -> period.kind() == Kind.MONTH;
            case YEAR -> period.kind() == Kind.YEAR;
        };
        if (named) {
            return period.start();
        }
        if (period.kind() != Kind.DAY) {
            throw new IllegalArgumentException("must be " + expected + ", got '" + text + "'");
        }
        boolean firstDay = switch (granularity) {
            case QUARTER -> Quarter.of(period.start()).start().equals(period.start());
            case MONTH -> period.start().getDayOfMonth() == 1;
            case YEAR -> period.start().getDayOfYear() == 1;
        };
        if (!firstDay) {
            String adjective = granularity == Granularity.YEAR ? "yearly" : unit + "ly";
            throw new IllegalArgumentException("must be the first day of a " + unit + " for this " + adjective + " signal,"
                    + " got '" + text + "'");
        }
        return period.start();
    }

    private static int year(Matcher matcher) {
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1) {
            throw new IllegalArgumentException("year 0000");
        }
        return year;
    }
}
