package dev.techtrends.signals.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.techtrends.web.csv.Csv;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a JSON array, NDJSON or CSV upload into rows. A field that cannot even be read (text where a number
 * belongs, an unknown column) is reported with its row; the rules on values are checked later, all at once.
 */
final class IngestionParser {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    static final Set<String> FIELDS = Set.of("signal", "technology", "sourceKey", "period", "value", "raw");
    private static final Map<String, String> CSV_ALIASES = Map.of("source_key", "sourceKey");

    private final ObjectMapper objectMapper;
    private final int maxRows;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    IngestionParser(ObjectMapper objectMapper, int maxRows) {
        this.objectMapper = objectMapper;
        this.maxRows = maxRows;
    }

    List<IngestionRow> parseJson(String body) {
        JsonNode root = readJson(body, "The request body is not valid JSON");
        if (!root.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of rows");
        }
        checkRowCount(root.size());
        List<IngestionRow> rows = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            rows.add(fromJson(i + 1, root.get(i)));
        }
        return finish(rows);
    }

    List<IngestionRow> parseNdjson(String body) {
        List<IngestionRow> rows = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            checkRowCount(rows.size() + 1);
            JsonNode node = readJson(lines[i], "Line " + (i + 1) + " is not valid JSON");
            rows.add(fromJson(rows.size() + 1, node));
        }
        return finish(rows);
    }

    List<IngestionRow> parseCsv(String body) {
        List<List<String>> records;
        try {
            records = Csv.records(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return finish(List.of());
        }
        // A byte-order mark (spreadsheets write one) is not part of the first column's name.
        List<String> header = records.get(0).stream().map(name -> name.replace("\uFEFF", "").strip())
                .map(name -> CSV_ALIASES.getOrDefault(name, name)).toList();
        List<Problem.FieldError> headerErrors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                headerErrors.add(new Problem.FieldError(0, column, "column appears more than once"));
            } else if (!FIELDS.contains(column)) {
                headerErrors.add(new Problem.FieldError(0, column, "unknown column; known: signal, technology, "
                        + "source_key, period, value, raw"));
            }
        }
        for (String required : List.of("signal", "period", "value")) {
            if (!header.contains(required)) {
                headerErrors.add(new Problem.FieldError(0, required, "required column is missing from the header"));
            }
        }
        if (!headerErrors.isEmpty()) {
            throw new InvalidInputException("The CSV header is not usable.", headerErrors);
        }
        checkRowCount(records.size() - 1);
        List<IngestionRow> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() != header.size()) {
                errors.add(new Problem.FieldError(i, "row", "has " + record.size() + " fields, the header has "
                        + header.size()));
                continue;
            }
            String signal = null, technology = null, sourceKey = null, period = null;
            Double value = null, raw = null;
            for (int c = 0; c < header.size(); c++) {
                String text = record.get(c).strip();
                String cell = text.isEmpty() ? null : text;
                switch (header.get(c)) {
                    case "signal" -> signal = storable(i, "signal", cell);
                    case "technology" -> technology = storable(i, "technology", cell);
                    case "sourceKey" -> sourceKey = storable(i, "sourceKey", cell);
                    case "period" -> period = storable(i, "period", cell);
                    case "value" -> value = number(i, "value", cell);
                    case "raw" -> raw = number(i, "raw", cell);
                    default -> throw new IllegalStateException("checked above");
                }
            }
            rows.add(new IngestionRow(i, signal, technology, sourceKey, period, value, raw));
        }
        return finish(rows);
    }

    private IngestionRow fromJson(int row, JsonNode node) {
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError(row, "row", "must be a JSON object"));
            return new IngestionRow(row, null, null, null, null, null, null);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(row, name, "unknown field; known: " + String.join(", ",
                        List.of("signal", "technology", "sourceKey", "period", "value", "raw"))));
            }
        }
        return new IngestionRow(row, text(row, node, "signal"), text(row, node, "technology"),
                text(row, node, "sourceKey"), text(row, node, "period"), jsonNumber(row, node, "value"),
                jsonNumber(row, node, "raw"));
    }

    private String text(int row, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(row, field, "must be a string"));
            return null;
        }
        return storable(row, field, value.asText().strip());
    }

    /** Text with a control character (a NUL above all, which PostgreSQL cannot store) is refused, not passed on. */
    private String storable(int row, String field, String text) {
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(row, field, "must not hold control characters"));
            return null;
        }
        return text;
    }

    private Double jsonNumber(int row, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(new Problem.FieldError(row, field, "must be a number"));
            return null;
        }
        return value.doubleValue();
    }

    /**
     * A CSV cell as a number, by the grammar of JSON numbers (what the JSON and NDJSON forms accept): no hexadecimal,
     * no d/f suffixes, no NaN or Infinity, none of the other forms Double.valueOf would take.
     */
    private Double number(int row, String field, String text) {
        if (text == null) {
            return null;
        }
        if (!JSON_NUMBER.matcher(text).matches()) {
            errors.add(new Problem.FieldError(row, field, "must be a number, got '" + text + "'"));
            return null;
        }
        return Double.valueOf(text);
    }

    private JsonNode readJson(String text, String problem) {
        try {
            // One value per body or line: trailing content would otherwise be dropped without a word.
            return objectMapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException(problem + where + ": " + e.getOriginalMessage(), List.of());
        }
    }

    private void checkRowCount(int rows) {
        if (rows > maxRows) {
            throw new InvalidInputException("body", "has more than " + maxRows + " rows; split the upload");
        }
    }

    private List<IngestionRow> finish(List<IngestionRow> rows) {
        if (!errors.isEmpty()) {
            throw IngestionValidator.rejected(errors);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("body", "holds no rows");
        }
        return rows;
    }
}
