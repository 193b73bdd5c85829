package dev.techtrends.signals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the bundled CSV files directly (naive comma split: none of the cells the tests read holds a comma), so
 * that expected values come from the files, not from the service under test.
 */
final class BundledCsv {

    private BundledCsv() {
    }

    static List<Map<String, String>> rows(String resource) {
        try (InputStream in = BundledCsv.class.getClassLoader().getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[0].strip().split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].strip().split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], cells[c]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double sum(String resource, String column, Predicate<Map<String, String>> where) {
        return rows(resource).stream().filter(where).mapToDouble(row -> Double.parseDouble(row.get(column))).sum();
    }
}
