package dev.techtrends.dashboard;

import dev.techtrends.catalogue.CategoryView;
import dev.techtrends.catalogue.TechnologyView;
import dev.techtrends.discover.BreakoutView;
import dev.techtrends.rankings.RankingItem;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.rankings.Views;
import dev.techtrends.signals.SourceView;
import dev.techtrends.web.problem.Problem;
import java.util.List;

/** What each page template is given: the JSON API's own read models, plus what only a page needs. */
final class Pages {

    private Pages() {
    }

    /** Every page: its title, the navigation, the score controls and the sources' attribution. */
    record Frame(String title, String path, PageState state, Controls controls, List<CategoryView> categories,
            List<ScoreView.Attribution> sources) {

        /** The Atom feed that follows what this page shows. */
        public String feed() {
            if (path.startsWith("/categories/")) {
                return "/feeds/movers.atom?category=" + path.substring("/categories/".length());
            }
            if (path.startsWith("/technologies/")) {
                return "/feeds/technologies/" + path.substring("/technologies/".length()) + ".atom";
            }
            return path.equals("/discover") ? "/feeds/discover.atom" : "/feeds/movers.atom";
        }

        public String feedTitle() {
            return path.equals("/discover") ? "New breakouts (Atom)"
                    : path.startsWith("/technologies/") ? title + ": its moves (Atom)" : "What moved (Atom)";
        }
    }

    /**
     * The form that sets the page's state.
     *
     * @param quarters scored quarters, newest first
     * @param asOf     the quarter shown
     * @param preset   the preset selected, empty with custom weights
     * @param signals  the signal keys custom weights may name
     */
    record Controls(List<String> quarters, String asOf, List<String> presets, String preset, String weights,
            List<String> signals, List<String> methods, String method) {
    }

    record Overview(Frame frame, List<CategoryTop> categories, Views.MoversView rising, Views.MoversView fading) {
    }

    /** A category's leaders and the chart of their trend scores over five years. */
    record CategoryTop(CategoryView category, List<RankingItem> top, String technologies, String from) {
    }

    /**
     * A category's page: its leaders in the chart and the table, the rest folded below.
     *
     * @param rows the first {@link DashboardPages#SHOWN} of the ranking
     * @param more the rest, folded
     */
    record Category(Frame frame, CategoryView category, Views.RankingView ranking, String sort, List<Row> rows,
            List<Row> more, int shown, int chartHeight) {

        /** Whether the ranking has tiers (method v4). */
        public boolean tiered() {
            return rows.stream().anyMatch(row -> row.item().tier() != null);
        }
    }

    /** A ranking row with its trend score sparkline (inline SVG). */
    record Row(RankingItem item, String sparkline) {

        /** The class of its tier's band: every other tier shaded, as on the chart. */
        public String band() {
            return item.tier() == null ? "" : item.tier() % 2 == 1 ? "tier-odd" : "tier-even";
        }
    }

    record Technology(Frame frame, TechnologyView technology, ScoreView score, String from) {
    }

    /**
     * @param scale the chart's value axis and {@code align} its x axis, as the controls show them
     * @param chartOptions the same as the chart's query parameters: empty for the defaults, so that their address
     *     (and cache entry) stays the chart's plain one
     */
    record Compare(Frame frame, List<ChoiceGroup> choices, String technologies, String metric,
            List<CompareRow> rows, String scale, String align, String chartOptions) {
    }

    record ChoiceGroup(String category, List<Choice> choices) {
    }

    record Choice(String slug, String name, boolean checked) {
    }

    /** A compared technology's figures in the quarter shown. */
    record CompareRow(String technology, String name, String category, Double trendScore, Double popularity,
            Double momentumPct) {
    }

    record Methodology(Frame frame, Views.MethodologyView methodology, List<String> signals, List<PresetRow> presets,
            Views.ValidationView validation) {
    }

    /** A preset's weight for each signal of the methodology page's table, in its column order. */
    record PresetRow(String name, String description, List<String> weights) {
    }

    /**
     * Breakouts: items no technology maps yet.
     *
     * @param sources the signals with a universe; {@code source} the one shown, empty for all
     */
    record Discover(Frame frame, List<String> sources, String source, List<BreakoutRow> rows, long total) {
    }

    /** A breakout with its series as an inline sparkline. */
    record BreakoutRow(BreakoutView breakout, String sparkline) {
    }

    /** Every source and how current each of its signals is: the /api/v1/sources answer as a table. */
    record Sources(Frame frame, List<SourceView> sources) {
    }

    /** A problem shown to a reader: the same status, title and detail as the problem+json. */
    record Error(int status, String title, String detail, List<Problem.FieldError> errors) {
    }
}
