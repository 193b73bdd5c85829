package dev.techtrends.signals.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.techtrends.scoring.Granularity;
import dev.techtrends.signals.ingestion.IngestionValidator.ObservationWrite;
import dev.techtrends.signals.ingestion.IngestionValidator.Reference;
import dev.techtrends.signals.ingestion.IngestionValidator.SignalRule;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IngestionValidatorTest {

    private static final String MONTHLY = "qa_questions";
    private static final String QUARTERLY = "github_topic_developers";
    private static final long GO = 1;
    private static final long RUST = 2;
    private static final long CONTAINERIZATION = 3;
    private static final LocalDate TODAY = LocalDate.of(2025, 10, 15);

    private static final Reference REFERENCE = new Reference(
            Map.of(MONTHLY, new SignalRule(Granularity.MONTH, 0, 1),
                    QUARTERLY, new SignalRule(Granularity.QUARTER, 0, 1)),
            Map.of("go", GO, "rust", RUST, "containerization", CONTAINERIZATION),
            Map.of(MONTHLY, Map.of("go", List.of(GO)),
                    QUARTERLY, Map.of("golang", List.of(GO), "docker", List.of(CONTAINERIZATION), "kubernetes",
                            List.of(CONTAINERIZATION))));

    private static IngestionRow bySlug(int row, String signal, String technology, String period, Double value) {
        return new IngestionRow(row, signal, technology, null, period, value, null);
    }

    private static IngestionRow byKey(int row, String signal, String sourceKey, String period, Double value,
            Double raw) {
        return new IngestionRow(row, signal, null, sourceKey, period, value, raw);
    }

    private static List<ObservationWrite> validate(IngestionRow... rows) {
        return IngestionValidator.validate(List.of(rows), REFERENCE, TODAY);
    }

    private static InvalidInputException rejection(IngestionRow... rows) {
        return assertThrows(InvalidInputException.class, () -> validate(rows));
    }

    private static List<FieldError> errors(IngestionRow... rows) {
        return rejection(rows).errors();
    }

    @Test
    void turnsValidRowsIntoWritesInUploadOrder() {
        List<ObservationWrite> writes = validate(
                new IngestionRow(1, MONTHLY, "go", null, "2025-06", 0.125, 1200.0),
                bySlug(2, QUARTERLY, "rust", "2025-07-01", 0.002),
                byKey(3, QUARTERLY, "golang", "2025-Q2", 0.004, 50.0),
                bySlug(4, MONTHLY, "rust", "2025-05-01", 0.0));
        assertEquals(List.of(
                new ObservationWrite(GO, MONTHLY, Granularity.MONTH, LocalDate.of(2025, 6, 1), 0.125, 1200.0),
                new ObservationWrite(RUST, QUARTERLY, Granularity.QUARTER, LocalDate.of(2025, 7, 1), 0.002, null),
                new ObservationWrite(GO, QUARTERLY, Granularity.QUARTER, LocalDate.of(2025, 4, 1), 0.004, 50.0),
                new ObservationWrite(RUST, MONTHLY, Granularity.MONTH, LocalDate.of(2025, 5, 1), 0.0, null)),
                writes);
    }

    @Test
    void requiresSignalTechnologyPeriodAndValue() {
        assertEquals(List.of(
                new FieldError(7, "signal", "is required"),
                new FieldError(7, "technology", "give exactly one of technology (a slug) and sourceKey"),
                new FieldError(7, "period", "is required"),
                new FieldError(7, "value", "is required")),
                errors(new IngestionRow(7, null, null, null, null, null, null)));
    }

    @Test
    void refusesAnUnknownSignalWithoutJudgingWhatDependsOnIt() {
        assertEquals(List.of(new FieldError(1, "signal", "no signal has the key 'downloads'; see /api/v1/signals")),
                errors(byKey(1, "downloads", "anything", "not a period", 5.0, null)));
    }

    @Test
    void refusesBothTechnologyAndSourceKey() {
        assertEquals(List.of(new FieldError(1, "technology", "give exactly one of technology (a slug) and sourceKey")),
                errors(new IngestionRow(1, MONTHLY, "go", "go", "2025-06", 0.1, null)));
    }

    @Test
    void refusesAnUnknownSlug() {
        assertEquals(List.of(new FieldError(2, "technology", "no technology has the slug 'cobol'")),
                errors(bySlug(1, MONTHLY, "go", "2025-06", 0.1), bySlug(2, MONTHLY, "cobol", "2025-06", 0.1)));
    }

    @Test
    void refusesASourceKeyNotMappedForThatSignal() {
        assertEquals(List.of(
                new FieldError(1, "sourceKey", "'rust' is not mapped to a technology for signal qa_questions"),
                new FieldError(2, "sourceKey", "'docker' is not mapped to a technology for signal qa_questions")),
                errors(byKey(1, MONTHLY, "rust", "2025-06", 0.1, null),
                        byKey(2, MONTHLY, "docker", "2025-06", 0.1, null)));
    }

    @Test
    void refusesPeriodsOfAnotherGranularityOrNotStartingOne() {
        assertEquals(List.of(
                new FieldError(1, "period",
                        "must be the first day of a quarter for this quarterly signal, got '2025-08-01'"),
                new FieldError(2, "period", "must be a quarter (2025-Q3) or its first day (2025-07-01), got '2025-07'"),
                new FieldError(3, "period", "must be a month (2025-07) or its first day (2025-07-01), got '2025-Q3'"),
                new FieldError(4, "period",
                        "must be the first day of a month for this monthly signal, got '2025-06-15'"),
                new FieldError(5, "period", "must be a month (2025-07) or its first day (2025-07-01), got '2025-13'")),
                errors(bySlug(1, QUARTERLY, "go", "2025-08-01", 0.1),
                        bySlug(2, QUARTERLY, "go", "2025-07", 0.1),
                        bySlug(3, MONTHLY, "go", "2025-Q3", 0.1),
                        bySlug(4, MONTHLY, "go", "2025-06-15", 0.1),
                        bySlug(5, MONTHLY, "go", "2025-13", 0.1)));
    }

    @ParameterizedTest
    @CsvSource({"qa_questions, 2025-10", "qa_questions, 2025-10-01", "github_topic_developers, 2025-Q4",
                "github_topic_developers, 2025-10-01"})
    void acceptsThePeriodThatHasStartedToday(String signal, String period) {
        assertEquals(LocalDate.of(2025, 10, 1), validate(bySlug(1, signal, "go", period, 0.1)).get(0).periodStart());
    }

    @ParameterizedTest
    @CsvSource({"qa_questions, 2025-11", "qa_questions, 2026-01-01", "github_topic_developers, 2026-Q1",
                "github_topic_developers, 2099-01-01"})
    void refusesAPeriodStartingAfterToday(String signal, String period) {
        assertEquals(List.of(new FieldError(1, "period", "is in the future")),
                errors(bySlug(1, signal, "go", period, 0.1)));
    }

    @Test
    void judgesTheFutureAgainstTheGivenDay() {
        IngestionRow row = bySlug(1, MONTHLY, "go", "2025-11", 0.1);
        assertEquals(1, IngestionValidator.validate(List.of(row), REFERENCE, LocalDate.of(2025, 11, 1)).size());
        assertThrows(InvalidInputException.class,
                () -> IngestionValidator.validate(List.of(row), REFERENCE, LocalDate.of(2025, 10, 31)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, -0.1, 1.0000001})
    void refusesAValueOutsideTheSignalsRange(double value) {
        assertEquals(List.of(new FieldError(1, "value",
                        "must be between 0.0 and 1.0 (a share of the source's universe), got " + value)),
                errors(bySlug(1, MONTHLY, "go", "2025-06", value)));
    }

    @Test
    void usesTheRangeOfTheRowsSignal() {
        Reference reference = new Reference(Map.of("stars", new SignalRule(Granularity.MONTH, -5, 250)),
                Map.of("go", GO), Map.of());
        assertEquals(250.0, IngestionValidator.validate(List.of(bySlug(1, "stars", "go", "2025-06", 250.0)),
                reference, TODAY).get(0).value());
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> IngestionValidator.validate(
                List.of(bySlug(1, "stars", "go", "2025-06", -6.0)), reference, TODAY));
        assertEquals(List.of(new FieldError(1, "value",
                "must be between -5.0 and 250.0 (a share of the source's universe), got -6.0")), error.errors());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0})
    void acceptsTheBoundsOfTheRange(double value) {
        assertEquals(value, validate(bySlug(1, MONTHLY, "go", "2025-06", value)).get(0).value());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesAValueThatIsNotFinite(double value) {
        assertEquals(List.of(new FieldError(1, "value", "must be a finite number")),
                errors(bySlug(1, MONTHLY, "go", "2025-06", value)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -0.0001, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesARawCountBelowZeroOrNotFinite(double raw) {
        assertEquals(List.of(new FieldError(1, "raw", "must be a finite count >= 0")),
                errors(new IngestionRow(1, MONTHLY, "go", null, "2025-06", 0.1, raw)));
    }

    @Test
    void acceptsARawCountOfZero() {
        assertEquals(0.0, validate(new IngestionRow(1, MONTHLY, "go", null, "2025-06", 0.1, 0.0)).get(0).raw());
    }

    @Test
    void reportsEveryProblemOfARowInFieldOrder() {
        assertEquals(List.of(
                new FieldError(3, "technology", "no technology has the slug 'cobol'"),
                new FieldError(3, "period", "is in the future"),
                new FieldError(3, "value", "must be between 0.0 and 1.0 (a share of the source's universe), got 2.0"),
                new FieldError(3, "raw", "must be a finite count >= 0")),
                errors(new IngestionRow(3, MONTHLY, "cobol", null, "2030-01", 2.0, -1.0)));
    }

    @Test
    void refusesTheSameTechnologySignalAndPeriodTwiceBySlug() {
        assertEquals(List.of(new FieldError(2, "technology", "repeats the technology, signal and period of row 1")),
                errors(bySlug(1, MONTHLY, "go", "2025-06", 0.1), bySlug(2, MONTHLY, "go", "2025-06-01", 0.2)));
    }

    @Test
    void refusesASourceKeyForATechnologyAlreadyGivenBySlug() {
        assertEquals(List.of(new FieldError(3, "sourceKey", "repeats the technology, signal and period of row 1")),
                errors(bySlug(1, QUARTERLY, "go", "2025-Q2", 0.1),
                        bySlug(2, QUARTERLY, "go", "2025-Q3", 0.1),
                        byKey(3, QUARTERLY, "golang", "2025-04-01", 0.2, null)));
    }

    @Test
    void refusesASlugForATechnologyAlreadyGivenBySourceKey() {
        assertEquals(List.of(new FieldError(3, "technology", "repeats the technology, signal and period of row 1")),
                errors(byKey(1, QUARTERLY, "docker", "2025-Q2", 0.1, null),
                        byKey(2, QUARTERLY, "kubernetes", "2025-Q2", 0.1, null),
                        bySlug(3, QUARTERLY, "containerization", "2025-Q2", 0.1)));
    }

    @Test
    void keepsTheSameTechnologyApartAcrossSignalsAndPeriods() {
        assertEquals(3, validate(bySlug(1, MONTHLY, "go", "2025-06", 0.1),
                bySlug(2, MONTHLY, "go", "2025-07", 0.1),
                bySlug(3, QUARTERLY, "go", "2025-Q2", 0.1)).size());
    }

    @Test
    void sumsTheSourceKeysOfOneTechnologyAndPeriod() {
        assertEquals(List.of(
                new ObservationWrite(CONTAINERIZATION, QUARTERLY, Granularity.QUARTER, LocalDate.of(2025, 4, 1),
                        0.75, 300.0),
                new ObservationWrite(CONTAINERIZATION, QUARTERLY, Granularity.QUARTER, LocalDate.of(2025, 7, 1),
                        0.5, null)),
                validate(byKey(1, QUARTERLY, "docker", "2025-Q2", 0.25, 100.0),
                        byKey(2, QUARTERLY, "docker", "2025-Q3", 0.25, 100.0),
                        byKey(3, QUARTERLY, "kubernetes", "2025-04-01", 0.5, 200.0),
                        byKey(4, QUARTERLY, "kubernetes", "2025-Q3", 0.25, null)));
    }

    @Test
    void refusesSourceKeysAddingUpAboveTheMaximum() {
        assertEquals(List.of(new FieldError(2, "value",
                        "the source keys of this technology and period add up to 1.25, above 1.0")),
                errors(byKey(1, QUARTERLY, "docker", "2025-Q2", 0.5, null),
                        byKey(2, QUARTERLY, "kubernetes", "2025-Q2", 0.75, null)));
    }

    @Test
    void refusesTheSameSourceKeyTwiceForOnePeriod() {
        List<FieldError> errors = errors(byKey(1, QUARTERLY, "docker", "2025-Q2", 0.25, 100.0),
                byKey(2, QUARTERLY, "docker", "2025-04-01", 0.25, 100.0));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(2, errors.get(0).row());
        assertEquals("sourceKey", errors.get(0).field());
    }

    @Test
    void writesNothingWhenAnyRowFails() {
        InvalidInputException error = rejection(bySlug(1, MONTHLY, "go", "2025-06", 0.1),
                bySlug(2, MONTHLY, "rust", "2025-06", 0.1),
                bySlug(3, MONTHLY, "go", "2025-07", 7.0),
                bySlug(4, MONTHLY, "rust", "2025-07", 0.1));
        assertEquals("The upload was rejected and nothing was written: 1 error.", error.getMessage());
        assertEquals(List.of(new FieldError(3, "value",
                "must be between 0.0 and 1.0 (a share of the source's universe), got 7.0")), error.errors());
    }

    @Test
    void countsErrorsInTheMessage() {
        InvalidInputException error = rejection(bySlug(1, MONTHLY, "go", "2025-06", 7.0),
                bySlug(2, "nope", "go", "2025-06", 0.1));
        assertEquals("The upload was rejected and nothing was written: 2 errors.", error.getMessage());
        assertEquals(List.of(1, 2), error.errors().stream().map(FieldError::row).toList());
    }

    @Test
    void listsAHundredErrorsWithoutSayingSo() {
        InvalidInputException error = rejection(badRows(100));
        assertEquals("The upload was rejected and nothing was written: 100 errors.", error.getMessage());
        assertEquals(100, error.errors().size());
    }

    @Test
    void listsOnlyTheFirstHundredErrors() {
        InvalidInputException error = rejection(badRows(150));
        assertEquals("The upload was rejected and nothing was written: 150 errors (the first 100 are listed).",
                error.getMessage());
        assertEquals(IngestionValidator.MAX_REPORTED_ERRORS, error.errors().size());
        assertEquals(1, error.errors().get(0).row());
        assertEquals(100, error.errors().get(99).row());
    }

    @Test
    void rejectedCountsAndCapsTheErrorsItIsGiven() {
        List<FieldError> errors = new ArrayList<>();
        for (int row = 1; row <= 101; row++) {
            errors.add(new FieldError(row, "value", "is required"));
        }
        InvalidInputException error = IngestionValidator.rejected(errors);
        assertEquals("The upload was rejected and nothing was written: 101 errors (the first 100 are listed).",
                error.getMessage());
        assertEquals(errors.subList(0, 100), error.errors());
    }

    private static IngestionRow[] badRows(int count) {
        IngestionRow[] rows = new IngestionRow[count];
        for (int i = 0; i < count; i++) {
            rows[i] = bySlug(i + 1, MONTHLY, "go", "2025-06", 2.0 + i);
        }
        return rows;
    }
}
