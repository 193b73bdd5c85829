package dev.techtrends.charts;

import java.util.Locale;

/**
 * A badge in the shape shields.io made familiar: a grey label and a coloured value side by side, 20 px high, each as
 * wide as its text. Self-contained for {@code <img src>} like {@link SvgChart}: no script, no external reference; the
 * title is its accessible name and the sources' attribution travels inside it, in {@code <metadata>}, as CC BY and
 * ODbL ask of a copy of their data. Pure: the same input gives the same bytes (so ETags hold).
 */
public final class Badge {

    /** Grey, green, orange and the tier colours: each with white text at 4.5:1 or more (WCAG AA). */
    static final String LABEL = "#555555";
    static final String RISING = "#1a7f37";
    static final String STEADY = "#57606a";
    static final String FADING = "#bc4c00";
    static final String[] TIERS = {"#1a7f37", "#4d7c0f", "#8a6100", "#bc4c00"};

    private static final int HEIGHT = 20;
    private static final int PADDING = 6;

    private Badge() {
    }

    /** The colour of a tier: the first green, later ones towards orange (the fourth and after share it). */
    static String tierColour(int tier) {
        return TIERS[Math.min(Math.max(tier, 1), TIERS.length) - 1];
    }

    /**
     * The badge's SVG.
     *
     * @param title what the badge says in one sentence: its {@code <title>} and accessible name
     * @param attribution the sources behind the figure, in {@code <metadata>} and {@code <desc>}
     */
    public static String svg(String label, String value, String colour, String title, String attribution) {
        double labelWidth = textWidth(label) + 2 * PADDING;
        double valueWidth = textWidth(value) + 2 * PADDING;
        double width = labelWidth + valueWidth;
        // textLength makes the text fit the width computed here whatever font the viewer substitutes.
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%d\" "
                        + "viewBox=\"0 0 %.0f %d\" role=\"img\" aria-label=\"%s\">"
                        + "<title>%s</title><desc>%s</desc><metadata>%s</metadata>"
                        + "<rect width=\"%.0f\" height=\"%d\" fill=\"%s\"/>"
                        + "<rect x=\"%.0f\" width=\"%.0f\" height=\"%d\" fill=\"%s\"/>"
                        + "<g fill=\"#ffffff\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\" "
                        + "text-anchor=\"middle\">"
                        + "<text x=\"%.1f\" y=\"14\" textLength=\"%.0f\">%s</text>"
                        + "<text x=\"%.1f\" y=\"14\" textLength=\"%.0f\">%s</text></g></svg>\n",
                Math.ceil(width), HEIGHT, Math.ceil(width), HEIGHT, SvgChart.escape(title), SvgChart.escape(title),
                SvgChart.escape(attribution), SvgChart.escape(attribution),
                Math.ceil(labelWidth), HEIGHT, LABEL,
                Math.ceil(labelWidth), Math.ceil(width) - Math.ceil(labelWidth), HEIGHT, colour,
                Math.ceil(labelWidth) / 2, textWidth(label), SvgChart.escape(label),
                Math.ceil(labelWidth) + (Math.ceil(width) - Math.ceil(labelWidth)) / 2, textWidth(value),
                SvgChart.escape(value));
    }

    /**
     * The width of a text at 11 px Verdana, from the widths of its kinds of characters (a font table would be exact;
     * this is close enough for textLength to adjust only a little).
     */
    static double textWidth(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            if ("ijlI.,:;'!|() ".indexOf(c) >= 0) {
                width += 3.9;
            } else if ("mwMW%@".indexOf(c) >= 0) {
                width += 10.5;
            } else if (Character.isUpperCase(c) || c == '#' || c == '+' || c == '–') {
                width += 8;
            } else {
                width += 7;
            }
        }
        return Math.ceil(width);
    }
}
