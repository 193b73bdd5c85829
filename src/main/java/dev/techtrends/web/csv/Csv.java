package dev.techtrends.web.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 4180 CSV through one Jackson {@link CsvMapper}: responses, the streamed export, uploads and the bundled files
 * are all written and read here.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            // quote a field only when it must be (a comma, quote or line break), as RFC 4180 does
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final Map<Class<?>, ObjectWriter> WITH_HEADER = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ObjectWriter> WITHOUT_HEADER = new ConcurrentHashMap<>();

    private Csv() {
    }

    /** The table with its header line. */
    public static byte[] bytes(CsvTable table) {
        try {
            return writer(table.csvRowType(), true).writeValueAsBytes(table.csvRows());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A CSV row record always serialises", e);
        }
    }

    /** The header line of a row type. */
    public static String header(Class<? extends Record> rowType) {
        return String.join(",", schema(rowType).getColumnNames()) + "\n";
    }

    /** One row, without header. */
    public static String line(Record row) {
        try {
            return writer(row.getClass(), false).writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A CSV row record always serialises", e);
        }
    }

    /**
     * Every record of the text as its fields, the header included; blank lines are skipped.
     *
     * @throws IllegalArgumentException on malformed CSV (an unterminated quote), naming where
     */
    /** The records of a CSV text with a header, each by column name ("" for a missing trailing cell). */
    public static List<Map<String, String>> rows(String text) {
        List<List<String>> records = records(text);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.size() ? record.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    public static List<List<String>> records(String text) {
        try (MappingIterator<List<String>> records = MAPPER.readerForListOf(String.class).readValues(text)) {
            return records.readAll();
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new IllegalArgumentException(message, e);
        }
    }

    private static ObjectWriter writer(Class<?> rowType, boolean header) {
        return header ? WITH_HEADER.computeIfAbsent(rowType, type -> MAPPER.writer(schema(type)))
                : WITHOUT_HEADER.computeIfAbsent(rowType, type -> MAPPER.writer(schema(type).withoutHeader()));
    }

    /** Columns in record component order (Jackson's own property order is not guaranteed to follow it). */
    private static CsvSchema schema(Class<?> rowType) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (RecordComponent component : rowType.getRecordComponents()) {
            schema.addColumn(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName()));
        }
        return schema.build();
    }
}
