package dev.techtrends.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * SVG 1.1 charts drawn as text: a line chart over quarters and a bar chart of a ranking. Self-contained for
 * {@code <img src>}: no script, no external reference (fonts are generic families), {@code <title>} and
 * {@code <desc>} for screen readers, axes with quarter labels, a legend, and the sources' attribution inside the
 * image, as CC BY and ODbL require. Pure: the same input gives the same bytes (so ETags hold).
 */
public final class SvgChart {

    /** Ten colours told apart also by people with the common colour-vision deficiencies (Tableau 10). */
    static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

    /**
     * One line: its name in the legend, a value per x label ({@code null} where there is none), and where the figure
     * has a 90 % interval, its low and high ends per x label (null lists without one): drawn as a shaded band.
     */
    public record Series(String name, List<Double> values, List<Double> low, List<Double> high) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = Collections.unmodifiableList(new ArrayList<>(values));
            low = low == null ? null : Collections.unmodifiableList(new ArrayList<>(low));
            high = high == null ? null : Collections.unmodifiableList(new ArrayList<>(high));
        }

        public Series(String name, List<Double> values) {
            this(name, values, null, null);
        }

        /** The same line over the x labels from (inclusive) to (exclusive). */
        Series cut(int from, int to) {
            return new Series(name, values.subList(from, to), low == null ? null : low.subList(from, to),
                    high == null ? null : high.subList(from, to));
        }
    }

    /**
     * How the value axis reads: linear or logarithmic (base 10), and whether it runs downwards (ranks: 1 on top).
     * On a log axis a value of 0 or below has no place: it is left out (a gap in a line, no bar), and an interval end
     * there is cut at the axis' bottom.
     */
    public record Scale(boolean log, boolean inverted) {
        public static final Scale LINEAR = new Scale(false, false);
    }

    /**
     * One bar of a bar chart; {@code low} and {@code high} draw its interval as a whisker and {@code tier} the band it
     * sits in, where the figure has them (null otherwise).
     */
    public record Bar(String label, Double value, Double low, Double high, Integer tier) {
        public Bar(String label, Double value) {
            this(label, value, null, null, null);
        }
    }

    private static final int LEFT = 56;
    /** The least span of a score's sparkline, in score points, so that noise does not look like a trend. */
    public static final double SCORE_SPARKLINE_SPAN = 10;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int LEGEND_LINE = 16;
    /** Height of one line of the attribution, whose lines are wrapped to the width. */
    private static final int FOOTER_LINE = 11;

    private SvgChart() {
    }

    /**
     * A line chart: one polyline per series over the x labels (gaps where a value is missing).
     *
     * @param yLabel what the y axis measures, e.g. "trend score (0–100)"
     */
    public static String lines(String title, String description, List<String> xLabels, List<Series> series,
                               String yLabel, String attribution, int width, int height, ChartTheme theme) {
        return lines(title, description, xLabels, series, yLabel, attribution, width, height, theme, Scale.LINEAR);
    }

    /** A line chart on the given value scale, each series' interval (where it has one) as a band behind its line. */
    public static String lines(String title, String description, List<String> xLabels, List<Series> series,
                               String yLabel, String attribution, int width, int height, ChartTheme theme,
                               Scale scale) {
        List<Double> drawn = new ArrayList<>();
        for (Series line : series) {
            drawn.addAll(line.values());
            if (line.low() != null && line.high() != null) {
                drawn.addAll(line.low());
                drawn.addAll(line.high());
            }
        }
        double[] range = range(drawn, scale);
        int legendRows = (series.size() + 2) / 3;
        List<String> footer = wrap(attribution, width);
        int bottom = 24 + legendRows * LEGEND_LINE + footer.size() * FOOTER_LINE + 8;
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = Math.max(40, height - TOP - bottom);
        StringBuilder svg = open(title, description, width, height, theme);
        axes(svg, range, scale, yLabel, plotWidth, plotHeight, theme);
        // x labels: at most about one per 60 px, always the first and the last
        int step = Math.max(1, (int) Math.ceil(xLabels.size() / Math.max(1.0, plotWidth / 60)));
        for (int i = 0; i < xLabels.size(); i++) {
            if (i % step == 0 || i == xLabels.size() - 1 && (xLabels.size() - 1) % step > step / 2) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                        x(i, xLabels.size(), plotWidth), TOP + plotHeight + 14, escape(xLabels.get(i))));
            }
        }
        // every band first, so that no band hides another series' line
        for (int s = 0; s < series.size(); s++) {
            band(svg, series.get(s), PALETTE.get(s % PALETTE.size()), range, scale, plotWidth, plotHeight);
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = PALETTE.get(s % PALETTE.size());
            List<Double> values = series.get(s).values();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i <= values.size(); i++) {
                Double value = i < values.size() ? values.get(i) : null;
                if (value == null || scale.log() && value <= 0) {
                    polyline(svg, points, colour);
                    points.setLength(0);
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, values.size(), plotWidth),
                        y(value, range, scale, plotHeight)));
            }
        }
        legend(svg, series.stream().map(Series::name).toList(), TOP + plotHeight + 24, width);
        return close(svg, footer, height);
    }

    /** A series' interval as one shaded polygon per run of x labels where both ends exist. */
    private static void band(StringBuilder svg, Series series, String colour, double[] range, Scale scale,
                             double plotWidth, double plotHeight) {
        if (series.low() == null || series.high() == null) {
            return;
        }
        int count = series.values().size();
        int start = 0;
        for (int i = 0; i <= count; i++) {
            boolean has = i < count && series.low().get(i) != null && series.high().get(i) != null;
            if (has) {
                continue;
            }
            if (i - start >= 2) { // a band needs two quarters to have an area
                StringBuilder points = new StringBuilder();
                for (int j = start; j < i; j++) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(j, count, plotWidth),
                            y(clipped(series.high().get(j), range, scale), range, scale, plotHeight)));
                }
                for (int j = i - 1; j >= start; j--) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(j, count, plotWidth),
                            y(clipped(series.low().get(j), range, scale), range, scale, plotHeight)));
                }
                svg.append("<polygon class=\"band\" fill=\"").append(colour).append("\" fill-opacity=\"0.2\" "
                        + "stroke=\"none\" points=\"").append(points.toString().strip()).append("\"/>");
            }
            start = i + 1;
        }
    }

    /** On a log axis, an end at 0 or below is drawn at the axis' bottom. */
    private static double clipped(double value, double[] range, Scale scale) {
        return scale.log() && value <= 0 ? range[0] : value;
    }

    /**
     * A horizontal bar chart, one bar per label in the order given; a bar without a value is left empty. Bars with an
     * interval get a whisker from its low to its high end, and consecutive bars of one tier share a band (every other
     * tier shaded), labelled at the right.
     */
    public static String bars(String title, String description, List<Bar> bars, String valueLabel,
                              String attribution, int width, int height, ChartTheme theme) {
        return bars(title, description, bars, valueLabel, attribution, width, height, theme, Scale.LINEAR);
    }

    /** A bar chart on the given scale (inverted is not offered: bars grow from the axis' low end). */
    public static String bars(String title, String description, List<Bar> bars, String valueLabel,
                              String attribution, int width, int height, ChartTheme theme, Scale scale) {
        List<Double> drawn = new ArrayList<>();
        for (Bar bar : bars) {
            drawn.add(bar.value());
            drawn.add(bar.low());
            drawn.add(bar.high());
        }
        double[] range = range(drawn, scale);
        if (!scale.log()) {
            range[0] = Math.min(0, range[0]);
        }
        boolean tiers = bars.stream().anyMatch(bar -> bar.tier() != null);
        // Room for the longest label at 11 px (about 6.2 px a character), within 40 % of the width.
        int longest = bars.stream().mapToInt(bar -> bar.label() == null ? 0 : bar.label().length()).max().orElse(0);
        int labelWidth = (int) Math.max(80, Math.min(width * 0.4, 6.2 * longest + 12));
        double plotWidth = width - labelWidth - RIGHT - 40 - (tiers ? TIER_LABEL : 0);
        List<String> footer = wrap(attribution, width);
        double plotHeight = Math.max(40, height - TOP - footer.size() * FOOTER_LINE - 24);
        double rowHeight = bars.isEmpty() ? plotHeight : plotHeight / bars.size();
        StringBuilder svg = open(title, description, width, height, theme);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", labelWidth,
                TOP - 8, escape(valueLabel)));
        if (tiers) {
            tierBands(svg, bars, rowHeight, width, theme);
        }
        // the bars' base: 0, or on a log axis (which has no 0) its low end
        double zero = labelWidth + fraction(scale.log() ? range[0] : 0, range, scale) * plotWidth;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = TOP + i * rowHeight;
            double barHeight = Math.max(2, rowHeight * 0.7);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", labelWidth - 6,
                    top + barHeight * 0.75, escape(bar.label())));
            if (bar.value() == null || scale.log() && bar.value() <= 0) {
                continue;
            }
            double end = labelWidth + fraction(bar.value(), range, scale) * plotWidth;
            double labelAt = Math.max(zero, end);
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    Math.min(zero, end), top, Math.abs(end - zero), barHeight, PALETTE.get(0)));
            if (bar.low() != null && bar.high() != null) {
                double low = labelWidth + fraction(clipped(bar.low(), range, scale), range, scale) * plotWidth;
                double high = labelWidth + fraction(clipped(bar.high(), range, scale), range, scale) * plotWidth;
                double middle = top + barHeight / 2;
                double cap = Math.min(4, barHeight / 2);
                svg.append(String.format(Locale.ROOT,
                        "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"currentColor\" "
                                + "stroke-width=\"1\" fill=\"none\"/>",
                        low, middle, high, low, middle - cap, middle + cap, high, middle - cap, middle + cap));
                labelAt = Math.max(labelAt, high);
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text>",
                    labelAt + 4, top + barHeight * 0.75, number(bar.value())));
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"currentColor\"/>", zero, TOP, zero,
                TOP + plotHeight));
        return close(svg, footer, height);
    }

    /** Room at the right of a bar chart for its tier labels. */
    private static final int TIER_LABEL = 44;

    /** A band behind each run of bars of one tier, every other one shaded, with "tier n" at its right end. */
    private static void tierBands(StringBuilder svg, List<Bar> bars, double rowHeight, int width, ChartTheme theme) {
        int start = 0;
        for (int i = 1; i <= bars.size(); i++) {
            Integer tier = bars.get(start).tier();
            if (i < bars.size() && Objects.equals(bars.get(i).tier(), tier)) {
                continue;
            }
            if (tier != null) {
                double top = TOP + start * rowHeight - rowHeight * 0.15;
                double bandHeight = (i - start) * rowHeight;
                if (tier % 2 == 1) {
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>", top, width,
                            bandHeight, theme.band));
                }
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">tier %d</text>",
                        width - 6, top + Math.min(bandHeight, rowHeight) * 0.7, tier));
            }
            start = i;
        }
    }

    /**
     * A sparkline to sit inline in HTML: the shape of one line, on its own scale but never narrower than minSpan
     * ({@link #SCORE_SPARKLINE_SPAN} for scores), drawn in the text colour, with the label as its accessible name. A
     * gap where a value is missing.
     */
    public static String sparkline(List<Double> values, double minSpan, int width, int height, String label) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Double value : values) {
            if (value != null) {
                range[0] = Math.min(range[0], value);
                range[1] = Math.max(range[1], value);
            }
        }
        double widen = Math.max(0, minSpan - (range[1] - range[0])) / 2;
        range[0] -= widen;
        range[1] += widen;
        StringBuilder svg = new StringBuilder(512);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width, height, width, height, escape(label)));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= values.size(); i++) {
            Double value = i < values.size() ? values.get(i) : null;
            if (value == null) {
                polyline(svg, points, "currentColor");
                points.setLength(0);
                continue;
            }
            double x = values.size() <= 1 ? width / 2.0 : 1 + i * (width - 2.0) / (values.size() - 1);
            double y = 1 + (range[1] - value) / (range[1] - range[0]) * (height - 2.0);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, String description, int width, int height, ChartTheme theme) {
        StringBuilder svg = new StringBuilder(8192);
        svg.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" fill=\"%s\" color=\"%s\">"
                        + "<title>%s</title><desc>%s</desc>"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>",
                width, height, width, height, theme.text, theme.text, escape(title), escape(description),
                theme.background, LEFT, escape(title)));
        return svg;
    }

    private static void axes(StringBuilder svg, double[] range, Scale scale, String yLabel, double plotWidth,
                             double plotHeight, ChartTheme theme) {
        double step = tickStep(range[1] - range[0]);
        for (double value : ticks(range, scale)) {
            double y = y(value, range, scale, plotHeight);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    LEFT, y, LEFT + plotWidth, y, theme.grid, LEFT - 4, y + 3,
                    scale.log() ? logTick(value) : tick(value, step)));
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"currentColor\"/>"
                        + "<text x=\"12\" y=\"%.1f\" font-size=\"11\" transform=\"rotate(-90 12 %.1f)\" "
                        + "text-anchor=\"middle\">%s</text>",
                LEFT, TOP, LEFT, TOP + plotHeight, TOP + plotHeight / 2, TOP + plotHeight / 2, escape(yLabel)));
    }

    private static void polyline(StringBuilder svg, CharSequence points, String colour) {
        if (points.length() == 0) {
            return;
        }
        String trimmed = points.toString().strip();
        if (!trimmed.contains(" ")) { // a single point: a dot
            String[] xy = trimmed.split(",");
            svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2\" fill=\"")
                    .append(colour).append("\"/>");
            return;
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                .append(trimmed).append("\"/>");
    }

    private static void legend(StringBuilder svg, List<String> names, double top, int width) {
        double column = (width - LEFT - RIGHT) / 3.0;
        for (int i = 0; i < names.size(); i++) {
            double x = LEFT + (i % 3) * column;
            double y = top + (i / 3) * LEGEND_LINE;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>",
                    x, y - 4, PALETTE.get(i % PALETTE.size()), x + 16, y, escape(names.get(i))));
        }
    }

    private static String close(StringBuilder svg, List<String> footer, int height) {
        for (int i = 0; i < footer.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" font-size=\"9\" opacity=\"0.8\">%s</text>",
                    height - 6 - (footer.size() - 1 - i) * FOOTER_LINE, escape(footer.get(i))));
        }
        return svg.append("</svg>\n").toString();
    }

    /** The attribution in lines that fit the width (about 5 px a character at 9 px). */
    static List<String> wrap(String text, int width) {
        int perLine = Math.max(20, (width - 16) / 5);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double x(int index, int count, double plotWidth) {
        return LEFT + (count <= 1 ? plotWidth / 2 : index * plotWidth / (count - 1));
    }

    private static double y(double value, double[] range, Scale scale, double plotHeight) {
        double fraction = fraction(value, range, scale);
        return TOP + plotHeight - (scale.inverted() ? 1 - fraction : fraction) * plotHeight;
    }

    /** Where a value lies between the range's ends, 0 to 1, on a linear or a log scale. */
    private static double fraction(double value, double[] range, Scale scale) {
        return scale.log() ? (Math.log10(value) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]))
                : (value - range[0]) / (range[1] - range[0]);
    }

    /** The range on the scale: on a log axis, of the positive values, widened to whole decades. */
    private static double[] range(List<Double> values, Scale scale) {
        if (!scale.log() && scale.inverted()) { // ranks: from 1, on top, down to a round rank below the lowest
            double max = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(10);
            double step = rankStep(max);
            return new double[] {1, Math.max(1 + step, Math.ceil(max / step) * step)};
        }
        if (!scale.log()) {
            return range(values);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double value : values) {
            if (value != null && value > 0) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[] {1, 100};
        }
        double low = Math.pow(10, Math.floor(Math.log10(min)));
        double high = Math.pow(10, Math.ceil(Math.log10(max)));
        return new double[] {low, high > low ? high : low * 10};
    }

    /**
     * The grid lines: round steps on a linear axis; on a log axis each decade, and 2 and 5 times it as well when the
     * axis spans at most two decades (else the grid would be crowded).
     */
    private static List<Double> ticks(double[] range, Scale scale) {
        List<Double> ticks = new ArrayList<>();
        if (!scale.log() && scale.inverted()) { // rank 1, then whole multiples of the step
            double step = rankStep(range[1]);
            ticks.add(1.0);
            for (double value = step; value <= range[1]; value += step) {
                if (value > 1) {
                    ticks.add(value);
                }
            }
            return ticks;
        }
        if (!scale.log()) {
            double step = tickStep(range[1] - range[0]);
            for (double value = range[0]; value <= range[1] + step / 1000; value += step) {
                ticks.add(value);
            }
            return ticks;
        }
        boolean fine = Math.log10(range[1] / range[0]) <= 2.0001;
        for (double decade = range[0]; decade <= range[1] * 1.0001; decade *= 10) {
            for (double factor : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                if (decade * factor <= range[1] * 1.0001) {
                    ticks.add(decade * factor);
                }
            }
        }
        return ticks;
    }

    /** A whole step between rank ticks: 1 up to rank 6, else a round step (2.5 taken as 2). */
    private static double rankStep(double lowestRank) {
        return lowestRank <= 6 ? 1 : Math.max(1, Math.floor(tickStep(lowestRank - 1)));
    }

    /** A log tick label: 0.01, 0.2, 5, 20, 1000, without trailing zeros. */
    private static String logTick(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /** [min, max] of the values, widened to round numbers and to a non-empty range; [0, 100] without any. */
    private static double[] range(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double value : values) {
            if (value != null) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[] {0, 100};
        }
        if (min == max) {
            return new double[] {min - 1, max + 1};
        }
        double step = tickStep(max - min);
        return new double[] {Math.floor(min / step) * step, Math.ceil(max / step) * step};
    }

    /** A round step (1, 2, 2.5 or 5 times a power of 10) that cuts the span into 3 to 6 ticks. */
    static double tickStep(double span) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(span / 4)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (span / (magnitude * factor) <= 6) {
                return magnitude * factor;
            }
        }
        return magnitude * 10;
    }

    /** A tick label with as many decimals as the step needs (ticks 0.5 apart must not read 33, 33, 34). */
    private static String tick(double value, double step) {
        int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String number(double value) {
        return Math.abs(value) >= 10 || value == 0 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** XML-escapes text for element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
