package dev.techtrends.connectors.pypl;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PYPL data file, read with regular expressions, never evaluated: {@code graphData = [ ['Date', 'Abap', …],
 * [new Date(2004,5,1),0.0,…], … ];} with JavaScript's 0-based months, about one row every four weeks (two in some
 * Januaries: their mean is the month's value, as in the bundled import), each row summing to 1.
 *
 * @param byMonth the share of each name, per month
 */
record PyplFile(TreeMap<YearMonth, Map<String, Double>> byMonth) {

    private static final Pattern HEADER = Pattern.compile("\\[\\s*'Date'\\s*,([^\\]]*)\\]");
    private static final Pattern ROW = Pattern.compile("\\[\\s*new Date\\((\\d{4}),\\s*(\\d{1,2}),\\s*(\\d{1,2})\\)\\s*,([^\\]]*)\\]");
    private static final Pattern NAME = Pattern.compile("'([^']*)'");

    /**
     * @throws IllegalArgumentException when the text is not a PYPL data file (no header, no row, a row whose values do
     *                                  not match the header, a value that is not a number in [0, 1])
     */
    static PyplFile parse(String text) {
        Matcher header = HEADER.matcher(text);
        if (!header.find()) {
            throw new IllegalArgumentException("no ['Date', …] header");
        }
        List<String> names = new ArrayList<>();
        Matcher name = NAME.matcher(header.group(1));
        while (name.find()) {
            names.add(name.group(1));
        }
        Map<YearMonth, Map<String, double[]>> sums = new TreeMap<>();
        Matcher row = ROW.matcher(text);
        int rows = 0;
        while (row.find()) {
            rows++;
            YearMonth month = YearMonth.of(Integer.parseInt(row.group(1)), Integer.parseInt(row.group(2)) + 1);
            String[] values = row.group(4).split(",");
            if (values.length != names.size()) {
                throw new IllegalArgumentException("a row of " + month + " has " + values.length + " values for "
                        + names.size() + " names");
            }
            Map<String, double[]> ofMonth = sums.computeIfAbsent(month, m -> new HashMap<>());
            for (int i = 0; i < values.length; i++) {
                double value;
                try {
                    value = Double.parseDouble(values[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a row of " + month + " has '" + values[i].strip() + "'");
                }
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException("a row of " + month + " has the share " + value);
                }
                double[] sum = ofMonth.computeIfAbsent(names.get(i), n -> new double[2]);
                sum[0] += value;
                sum[1]++;
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException("no data rows");
        }
        TreeMap<YearMonth, Map<String, Double>> byMonth = new TreeMap<>();
        sums.forEach((month, ofMonth) -> {
            Map<String, Double> means = new HashMap<>();
            ofMonth.forEach((key, sum) -> means.put(key, sum[0] / sum[1]));
            byMonth.put(month, means);
        });
        return new PyplFile(byMonth);
    }
}
