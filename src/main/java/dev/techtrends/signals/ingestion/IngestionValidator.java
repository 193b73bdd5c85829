package dev.techtrends.signals.ingestion;

import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.Period;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every uploaded row against the catalogue and the signal's rules and turns the valid upload into
 * observations. Nothing is written unless every row passes; the problem lists the first 100 errors.
 */
final class IngestionValidator {

    static final int MAX_REPORTED_ERRORS = 100;

    /** What a signal accepts. */
    record SignalRule(Granularity granularity, double minValue, double maxValue) {
    }

    /** The catalogue as the validator needs it. */
    /**
     * @param technologiesBySourceKey per signal, the technologies each source key feeds (one, or an umbrella concept
     *                                and its member: the topic docker feeds Containerization and Docker)
     */
    record Reference(Map<String, SignalRule> signals, Map<String, Long> technologyIds,
            Map<String, Map<String, List<Long>>> technologiesBySourceKey) {
    }

    /** A validated value, ready to upsert on (technology, signal, granularity, periodStart). */
    record ObservationWrite(long technologyId, String signal, Granularity granularity, LocalDate periodStart,
            double value, Double raw) {
    }

    private record NaturalKey(long technologyId, String signal, LocalDate periodStart) {
    }

    /** Several source keys of one technology are summed, but one source key counts once per period. */
    private record SourceKeyPeriod(String signal, String sourceKey, LocalDate periodStart) {
    }

    private IngestionValidator() {
    }

    static InvalidInputException rejected(List<Problem.FieldError> errors) {
        List<Problem.FieldError> reported = errors.size() > MAX_REPORTED_ERRORS
                ? errors.subList(0, MAX_REPORTED_ERRORS) : errors;
        return new InvalidInputException("The upload was rejected and nothing was written: " + errors.size()
                + (errors.size() == 1 ? " error" : " errors")
                + (errors.size() > MAX_REPORTED_ERRORS ? " (the first " + MAX_REPORTED_ERRORS + " are listed)." : "."),
                reported);
    }

    /**
     * Values given by source key are summed per technology and period, as the bundled import does (docker +
     * kubernetes = containerization); a value given by technology slug must be the only one for its period.
     */
    static List<ObservationWrite> validate(List<IngestionRow> rows, Reference reference, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<NaturalKey, ObservationWrite> writes = new LinkedHashMap<>();
        Map<NaturalKey, Integer> firstRowBySlug = new LinkedHashMap<>();
        Map<NaturalKey, Integer> firstRowBySourceKey = new LinkedHashMap<>();
        Map<SourceKeyPeriod, Integer> firstRowBySameSourceKey = new LinkedHashMap<>();
        for (IngestionRow row : rows) {
            int errorsBefore = errors.size();
            SignalRule rule = null;
            if (row.signal() == null) {
                errors.add(new Problem.FieldError(row.row(), "signal", "is required"));
            } else {
                rule = reference.signals().get(row.signal());
                if (rule == null) {
                    errors.add(new Problem.FieldError(row.row(), "signal", "no signal has the key '" + row.signal()
                            + "'; see /api/v1/signals"));
                }
            }
            List<Long> technologyIds = List.of();
            if ((row.technology() == null) == (row.sourceKey() == null)) {
                errors.add(new Problem.FieldError(row.row(), "technology",
                        "give exactly one of technology (a slug) and sourceKey"));
            } else if (row.technology() != null) {
                Long technologyId = reference.technologyIds().get(row.technology());
                if (technologyId == null) {
                    errors.add(new Problem.FieldError(row.row(), "technology", "no technology has the slug '"
                            + row.technology() + "'"));
                } else {
                    technologyIds = List.of(technologyId);
                }
            } else if (rule != null) {
                technologyIds = reference.technologiesBySourceKey().getOrDefault(row.signal(), Map.of())
                        .getOrDefault(row.sourceKey(), List.of());
                if (technologyIds.isEmpty()) {
                    errors.add(new Problem.FieldError(row.row(), "sourceKey", "'" + row.sourceKey()
                            + "' is not mapped to a technology for signal " + row.signal()));
                }
            }
            LocalDate periodStart = null;
            if (row.period() == null) {
                errors.add(new Problem.FieldError(row.row(), "period", "is required"));
            } else if (rule != null) {
                try {
                    periodStart = Period.startOf(row.period(), rule.granularity());
                    if (periodStart.isAfter(today)) {
                        errors.add(new Problem.FieldError(row.row(), "period", "is in the future"));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(row.row(), "period", e.getMessage()));
                }
            }
            if (row.value() == null) {
                errors.add(new Problem.FieldError(row.row(), "value", "is required"));
            } else if (!Double.isFinite(row.value())) {
                errors.add(new Problem.FieldError(row.row(), "value", "must be a finite number"));
            } else if (rule != null && (row.value() < rule.minValue() || row.value() > rule.maxValue())) {
                errors.add(new Problem.FieldError(row.row(), "value", "must be between " + rule.minValue() + " and "
                        + rule.maxValue() + " (a share of the source's universe), got " + row.value()));
            }
            if (row.raw() != null && (!Double.isFinite(row.raw()) || row.raw() < 0)) {
                errors.add(new Problem.FieldError(row.row(), "raw", "must be a finite count >= 0"));
            }
            if (errors.size() > errorsBefore) {
                continue;
            }
            boolean bySourceKey = row.sourceKey() != null;
            Integer clash = null;
            for (long technologyId : technologyIds) {
                NaturalKey key = new NaturalKey(technologyId, row.signal(), periodStart);
                clash = bySourceKey ? firstRowBySlug.get(key) : firstRowBySlug.getOrDefault(key,
                        firstRowBySourceKey.get(key));
                if (clash != null) {
                    break;
                }
            }
            if (clash != null) {
                errors.add(new Problem.FieldError(row.row(), bySourceKey ? "sourceKey" : "technology",
                        "repeats the technology, signal and period of row " + clash));
                continue;
            }
            if (bySourceKey) {
                Integer sameKey = firstRowBySameSourceKey.putIfAbsent(new SourceKeyPeriod(row.signal(),
                        row.sourceKey(), periodStart), row.row());
                if (sameKey != null) {
                    errors.add(new Problem.FieldError(row.row(), "sourceKey", "repeats the source key, signal and "
                            + "period of row " + sameKey));
                    continue;
                }
            }
            for (long technologyId : technologyIds) {
                NaturalKey key = new NaturalKey(technologyId, row.signal(), periodStart);
                (bySourceKey ? firstRowBySourceKey : firstRowBySlug).putIfAbsent(key, row.row());
                ObservationWrite previous = writes.get(key);
                if (previous == null) {
                    writes.put(key, new ObservationWrite(technologyId, row.signal(), rule.granularity(), periodStart,
                            row.value(), row.raw()));
                    continue;
                }
                double sum = previous.value() + row.value();
                if (sum > rule.maxValue()) {
                    errors.add(new Problem.FieldError(row.row(), "value", "the source keys of this technology and "
                            + "period add up to " + sum + ", above " + rule.maxValue()));
                    break;
                }
                Double raw = previous.raw() == null || row.raw() == null ? null : previous.raw() + row.raw();
                writes.put(key, new ObservationWrite(technologyId, row.signal(), rule.granularity(), periodStart,
                        sum, raw));
            }
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return new ArrayList<>(writes.values());
    }
}
