package dev.techtrends.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.techtrends.connectors.innovationgraph.InnovationGraphConnector;
import dev.techtrends.connectors.stackexchange.StackExchangeConnector;
import dev.techtrends.connectors.wikipedia.WikipediaConnector;
import dev.techtrends.scoring.Quarter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The month arithmetic of every connector at the instants where calendars trip: the last second of a month and the
 * first of the next, New Year, 29 February and the day after it. Each connector is planned with its shipped first month
 * (application.properties) and its own refetch rule, as a run at that instant would be.
 */
class ConnectorMonthsTest {

    /** Each connector and whether it fetches its whole history again on every run. */
    static final Map<String, Boolean> REFETCHES_EVERYTHING = Map.of("stackexchange", false, "wikipedia", false,
            "hn-hiring", false, "pypl", true, "innovation-graph", true);

    static Stream<Arguments> instants() {
        return Stream.of(
                Arguments.of("2026-11-30T23:59:59.999Z", "2026-10"),
                Arguments.of("2026-12-01T00:00:00Z", "2026-11"),
                Arguments.of("2026-12-31T23:59:59Z", "2026-11"),
                Arguments.of("2027-01-01T00:00:00Z", "2026-12"),
                Arguments.of("2028-02-29T12:00:00Z", "2028-01"),
                Arguments.of("2028-03-01T00:00:00Z", "2028-02"));
    }

    static String shippedFirstMonth(String connector) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConnectorMonthsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("tech-trends.connectors." + connector + ".from");
    }

    @ParameterizedTest(name = "{0}: newest complete month {1}")
    @MethodSource("instants")
    void everyConnectorAsksForCompleteMonthsOnly(String instantText, String expectedLastComplete) throws IOException {
        Instant instant = Instant.parse(instantText);
        YearMonth lastComplete = MonthPlan.lastComplete(instant);
        assertEquals(YearMonth.parse(expectedLastComplete), lastComplete);
        YearMonth current = YearMonth.from(instant.atOffset(ZoneOffset.UTC));
        assertEquals(current.minusMonths(1), lastComplete);

        for (Map.Entry<String, Boolean> connector : REFETCHES_EVERYTHING.entrySet()) {
            YearMonth first = YearMonth.parse(shippedFirstMonth(connector.getKey()));
            boolean everything = connector.getValue();
            int span = (int) (first.until(lastComplete, ChronoUnit.MONTHS) + 1);

            List<YearMonth> onEmpty = MonthPlan.months(first, lastComplete, Set.of(), everything);
            assertEquals(span, onEmpty.size(), connector.getKey() + ": every month from " + first);
            assertEquals(first, onEmpty.get(0));
            assertEquals(lastComplete, onEmpty.get(onEmpty.size() - 1), connector.getKey());
            assertFalse(onEmpty.contains(current), connector.getKey() + ": the current month is never asked for");

            Set<YearMonth> allStored = new HashSet<>(onEmpty);
            List<YearMonth> onFull = MonthPlan.months(first, lastComplete, allStored, everything);
            assertEquals(everything ? onEmpty : List.of(lastComplete.minusMonths(2), lastComplete.minusMonths(1),
                    lastComplete), onFull, connector.getKey() + ": what a rerun asks for");

            Set<YearMonth> withAGap = new HashSet<>(allStored);
            withAGap.remove(first.plusMonths(1));
            List<YearMonth> resumed = MonthPlan.months(first, lastComplete, withAGap, everything);
            assertTrue(resumed.contains(first.plusMonths(1)), connector.getKey() + ": a missing month is fetched");
        }

        // Stack Exchange: fromdate and todate are inclusive Unix seconds; the last one ends before the current month
        long[] dates = StackExchangeConnector.creationDates(lastComplete);
        assertEquals(lastComplete.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).getEpochSecond(), dates[0]);
        assertEquals(current.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).getEpochSecond() - 1, dates[1]);
        assertTrue(dates[1] < instant.getEpochSecond(), "the range ends before " + instant);
        assertEquals(lastComplete.lengthOfMonth() * 86_400L - 1, dates[1] - dates[0]);

        // Wikimedia: start and end are inclusive days
        assertEquals(lastComplete + "-01", dayText(WikipediaConnector.firstDay(lastComplete)));
        assertEquals(lastComplete.atEndOfMonth().toString(), dayText(WikipediaConnector.lastDay(lastComplete)));

        // Innovation Graph: a quarter only once its three months are complete
        List<Quarter> quarters = InnovationGraphConnector.completeQuarters(
                MonthPlan.months(YearMonth.of(2026, 1), lastComplete, Set.of(), true));
        Quarter newestComplete = Quarter.of(lastComplete.plusMonths(1).atDay(1)).minus(1);
        assertEquals(newestComplete, quarters.get(quarters.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instants")
    void leapDaysAndYearEndsAreTheirMonthsLastDays(String instantText, String expectedLastComplete) {
        YearMonth month = YearMonth.parse(expectedLastComplete);
        String lastDay = WikipediaConnector.lastDay(month);
        String expected = switch (expectedLastComplete) {
            case "2028-02" -> "20280229";
            case "2026-12" -> "20261231";
            case "2026-11" -> "20261130";
            case "2026-10" -> "20261031";
            case "2028-01" -> "20280131";
            default -> throw new IllegalArgumentException(expectedLastComplete);
        };
        assertEquals(expected, lastDay);
        long[] dates = StackExchangeConnector.creationDates(month);
        assertEquals(Instant.parse(expected.substring(0, 4) + "-" + expected.substring(4, 6) + "-"
                + expected.substring(6) + "T23:59:59Z").getEpochSecond(), dates[1]);
    }

    private static String dayText(String basicIsoDate) {
        return basicIsoDate.substring(0, 4) + "-" + basicIsoDate.substring(4, 6) + "-" + basicIsoDate.substring(6);
    }
}
