package dev.techtrends.dashboard;

import dev.techtrends.rankings.ScoreView;
import dev.techtrends.rankings.Views;
import dev.techtrends.web.Labels;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** How pages write figures: one decimal, signs and arrows in text (never colour alone), a dash for none. */
@TemplateExtension(namespace = "fmt")
final class Formats {

    static final String NONE = "–";

    private Formats() {
    }

    /** An enum as the API writes it ({@code rising}, {@code runs-on}). */
    static String label(Enum<?> value) {
        return value == null ? NONE : Labels.of(value);
    }

    static String fixed(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.1f", value);
    }

    static String fixed2(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String signed(Double value) {
        if (value == null) {
            return NONE;
        }
        String text = String.format(Locale.ROOT, "%+.1f", value);
        return text.equals("-0.0") || text.equals("+0.0") ? "0.0" : text.replace('-', '−');
    }

    /** An interval as "61.4–70.2", or with signs "−3.1 to +11.0" when it may hold 0; empty without one. */
    static String range(Views.Interval interval, boolean signed) {
        if (interval == null) {
            return "";
        }
        return signed ? signed(interval.low()) + " to " + signed(interval.high())
                : fixed(interval.low()) + "–" + fixed(interval.high());
    }

    /** "ranks 2–4", or "rank 3" when it could hold no other; empty without a range. */
    static String ranks(Views.RankRange range) {
        if (range == null) {
            return "";
        }
        return range.best() == range.worst() ? "rank " + range.best() : "ranks " + range.best() + "–" + range.worst();
    }

    static String percent(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.0f %%", value * 100);
    }

    /** ▲ 2 (moved up two places), ▼ 1, = (same place), – (no rank before). */
    static String rankChange(Integer change) {
        if (change == null) {
            return NONE;
        }
        return change > 0 ? "▲ " + change : change < 0 ? "▼ " + -change : "=";
    }

    /** What {@link #rankChange} says, in words, for screen readers. */
    static String rankChangeWords(Integer change) {
        if (change == null) {
            return "no rank a quarter before";
        }
        int places = Math.abs(change);
        String unit = places == 1 ? " place" : " places";
        return change > 0 ? "up " + places + unit : change < 0 ? "down " + places + unit : "same place";
    }

    /** The exact value for data attributes (tests compare it with the JSON API's), empty for none. */
    static String raw(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    static String growth(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%+.2f", value).replace('-', '−');
    }

    /** A source's level (a share or a percent) to four significant digits. */
    static String level(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String weight(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A signal's change of contribution in a score change, or null when the change has none. */
    static Double moveOf(ScoreView.Change change, String signal) {
        if (change == null || change.whyItMoved() == null) {
            return null;
        }
        return change.whyItMoved().stream().filter(move -> move.signal().equals(signal)).findFirst()
                .map(ScoreView.SignalMove::change).orElse(null);
    }
}
