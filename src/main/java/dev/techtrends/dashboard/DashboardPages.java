package dev.techtrends.dashboard;

import dev.techtrends.catalogue.CatalogueQueries;
import dev.techtrends.catalogue.CategoryView;
import dev.techtrends.catalogue.TechnologyView;
import dev.techtrends.charts.ChartAlign;
import dev.techtrends.charts.ChartScale;
import dev.techtrends.charts.LineOptions;
import dev.techtrends.charts.SvgChart;
import dev.techtrends.discover.DiscoverService;
import dev.techtrends.rankings.MethodologyService;
import dev.techtrends.rankings.RankingItem;
import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.rankings.ValidationService;
import dev.techtrends.rankings.Views;
import dev.techtrends.scoring.Direction;
import dev.techtrends.signals.SignalRepository;
import dev.techtrends.scoring.Preset;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import dev.techtrends.web.Labels;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.problem.NoSuchResourceException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's page models, built from the same services as the JSON API (so a page shows exactly the API's
 * figures); {@link DashboardResource} only speaks HTTP.
 */
@ApplicationScoped
public class DashboardPages {

    /** Technologies per category on the overview, and movers each way. */
    static final int OVERVIEW_TOP = 5;
    /** The breakouts the page lists; the JSON API pages through the rest. */
    static final int BREAKOUTS_SHOWN = 50;
    /** Quarters a chart of the overview and a ranking's sparklines cover. */
    static final int OVERVIEW_QUARTERS = 20;
    static final int SPARKLINE_QUARTERS = 12;
    /** Technologies a category page charts and lists before folding the rest: a chart of 40 bars reads as none. */
    static final int SHOWN = 15;

    private final RankingService rankings;
    private final MethodologyService methodology;
    private final ValidationService validation;
    private final CatalogueQueries catalogue;
    private final DiscoverService discover;
    private final SignalRepository signals;

    public DashboardPages(RankingService rankings, MethodologyService methodology, ValidationService validation,
            CatalogueQueries catalogue, DiscoverService discover, SignalRepository signals) {
        this.discover = discover;
        this.signals = signals;
        this.rankings = rankings;
        this.methodology = methodology;
        this.validation = validation;
        this.catalogue = catalogue;
    }

    Uni<Pages.Overview> overview(ScoreQuery query) {
        return categories().chain(categories -> all(categories.stream()
                        .map(category -> rankings.ranking(category.slug(), query, ScoreOrder.TREND, OVERVIEW_TOP))
                        .toList())
                .chain(tops -> Uni.combine().all()
                        .unis(rankings.movers(Direction.RISING, null, query, false, OVERVIEW_TOP),
                                rankings.movers(Direction.FADING, null, query, false, OVERVIEW_TOP)).asTuple()
                        .chain(movers -> {
                            Views.MoversView rising = movers.getItem1();
                            String from = Quarter.parse(rising.asOf()).minus(OVERVIEW_QUARTERS - 1).toString();
                            List<Pages.CategoryTop> leaders = new ArrayList<>();
                            for (int i = 0; i < categories.size(); i++) {
                                List<RankingItem> top = tops.get(i).items();
                                leaders.add(new Pages.CategoryTop(categories.get(i), top, String.join(",", top.stream()
                                        .filter(item -> item.trendScore() != null).map(RankingItem::technology)
                                        .toList()), from));
                            }
                            return frame("Which backend technologies are rising", "/", query, rising.asOf(),
                                    rising.sources()).map(frame -> new Pages.Overview(frame, leaders, rising,
                                    movers.getItem2()));
                        })));
    }

    /** The category, failing with {@link NoSuchResourceException} when there is none of this slug. */
    Uni<CategoryView> existingCategory(String slug) {
        return catalogue.category(slug).onItem().ifNull().failWith(() -> NoSuchResourceException.of("category", slug));
    }

    /** The technology, failing with {@link NoSuchResourceException} when there is none of this slug. */
    Uni<TechnologyView> existingTechnology(String slug) {
        return catalogue.technology(slug).onItem().ifNull()
                .failWith(() -> NoSuchResourceException.of("technology", slug));
    }

    Uni<Pages.Category> category(String slug, ScoreOrder order, ScoreQuery query) {
        return existingCategory(slug).chain(category -> Uni.combine().all().unis(rankings.ranking(slug, query, order, PageRequest.MAX_SIZE),
                        rankings.trendLines(slug, query, SPARKLINE_QUARTERS)).asTuple().chain(loaded -> {
                            Views.RankingView ranking = loaded.getItem1();
                            RankingService.TrendLines lines = loaded.getItem2();
                            List<Pages.Row> rows = ranking.items().stream().map(item -> new Pages.Row(item,
                                    SvgChart.sparkline(lines.of(item.technology()),
                                            SvgChart.SCORE_SPARKLINE_SPAN, 120, 28, "Trend score of "
                                            + item.name() + ", " + lines.from() + " to " + lines.to())))
                                    .toList();
                            return frame(category.name(), "/categories/" + slug, query, ranking.asOf(),
                                    ranking.sources()).map(frame -> new Pages.Category(frame, category, ranking,
                                    order.label(), rows.subList(0, Math.min(SHOWN, rows.size())),
                                    rows.subList(Math.min(SHOWN, rows.size()), rows.size()), SHOWN,
                                    Math.max(200, 28 * Math.min(SHOWN, rows.size()) + 100)));
                        }));
    }

    Uni<Pages.Technology> technology(String slug, ScoreQuery query) {
        return existingTechnology(slug).chain(technology -> rankings.score(slug, query).chain(score -> frame(technology.name(),
                        "/technologies/" + slug, query, score.asOf(), score.sources()).map(frame ->
                        new Pages.Technology(frame, technology, score,
                                Quarter.parse(score.asOf()).minus(OVERVIEW_QUARTERS - 1).toString()))));
    }

    /** The comparison of up to {@link RankingService#MAX_COMPARED} technologies; none gives the empty form. */
    Uni<Pages.Compare> compare(List<String> slugs, ScoreOrder metric, LineOptions options, ScoreQuery query) {
        Uni<Views.CompareView> compared = slugs.isEmpty() ? Uni.createFrom().nullItem()
                : rankings.compare(slugs, query);
        return compared.chain(compare -> rankings.ranking(null, query, ScoreOrder.TREND, 100).chain(all -> {
            Map<String, List<Pages.Choice>> byCategory = new LinkedHashMap<>();
            all.items().stream()
                    .sorted((a, b) -> a.category().equals(b.category()) ? a.name().compareToIgnoreCase(b.name())
                            : a.category().compareTo(b.category()))
                    .forEach(item -> byCategory.computeIfAbsent(item.category(), c -> new ArrayList<>())
                            .add(new Pages.Choice(item.technology(), item.name(), slugs.contains(item.technology()))));
            List<Pages.ChoiceGroup> choices = byCategory.entrySet().stream()
                    .map(entry -> new Pages.ChoiceGroup(entry.getKey(), entry.getValue())).toList();
            List<Pages.CompareRow> rows = compare == null ? List.of() : compare.technologies().stream()
                    .map(technology -> new Pages.CompareRow(technology.technology(), technology.name(),
                            technology.category(), last(technology.trendScore()), last(technology.popularity()),
                            last(technology.momentumPct())))
                    .toList();
            return frame("Compare technologies", "/compare", query, all.asOf(),
                    compare == null ? all.sources() : compare.sources())
                    .map(frame -> new Pages.Compare(frame, choices, String.join(",", slugs), metric.label(), rows,
                            Labels.of(options.scale()), Labels.of(options.align()), chartOptions(options)));
        }));
    }

    /** The chart's query parameters of the axes chosen, the defaults left out. */
    private static String chartOptions(LineOptions options) {
        return (options.scale() == ChartScale.LINEAR ? "" : "&scale=" + Labels.of(options.scale()))
                + (options.align() == ChartAlign.CALENDAR ? "" : "&align=" + Labels.of(options.align()));
    }

    /** The fastest-growing items no technology maps, of one source or all, with the default window and level. */
    Uni<Pages.Discover> discover(String source) {
        return discover.sources().chain(sources -> discover.discover(source, null, null,
                new PageRequest(1, BREAKOUTS_SHOWN)).chain(page -> rankings.ranking(null, ScoreQuery.of(null,
                null), ScoreOrder.TREND, 1).chain(ranking -> frame("Breakouts", "/discover", ScoreQuery.of(null, null),
                ranking.asOf(), ranking.sources()).map(frame -> new Pages.Discover(frame, sources,
                source == null ? "" : source, page.items().stream().map(item -> new Pages.BreakoutRow(item,
                // on its own scale: the shape of the growth, the figures beside it give its size
                SvgChart.sparkline(item.series().stream().map(point -> (Double) point.value()).toList(), 0, 120, 28,
                        item.key() + ", " + item.from() + " to " + item.to()))).toList(), page.totalItems())))));
    }

    /** The sources with the freshness of their signals, by the clock: the same read as /api/v1/sources. */
    Uni<Pages.Sources> sources() {
        ScoreQuery query = ScoreQuery.of(null, null);
        return signals.sourcesWithFreshness().chain(sources -> methodology.methodology(null).chain(described ->
                frame("Sources and their freshness", "/sources", query, described.defaultAsOf(), described.sources())
                        .map(frame -> new Pages.Sources(frame, sources))));
    }

    Uni<Pages.Methodology> methodology(String method) {
        ScoreQuery query = ScoreQuery.of(method, null);
        return methodology.methodology(method).chain(described -> validation.validation(method).chain(record -> {
            ScoringMethod scoring = ScoringMethods.byVersion(described.version()).orElseThrow();
            TreeSet<String> signals = new TreeSet<>();
            scoring.presets().forEach(preset -> signals.addAll(preset.weights().bySignal().keySet()));
            List<Pages.PresetRow> presets = scoring.presets().stream().map(preset -> new Pages.PresetRow(
                    preset.name(), preset.description(), signals.stream().map(signal -> {
                        double weight = preset.weights().weightOf(signal);
                        return weight == 0 ? Formats.NONE : String.format(Locale.ROOT, "%.2f", weight);
                    }).toList())).toList();
            return frame("How scores are computed", "/methodology", query, described.defaultAsOf(),
                    described.sources()).map(frame -> new Pages.Methodology(frame, described, List.copyOf(signals),
                    presets, record));
        }));
    }

    private Uni<Pages.Frame> frame(String title, String path, ScoreQuery query, String asOf,
            List<ScoreView.Attribution> sources) {
        return Uni.combine().all().unis(categories(), methodology.methodology(query.method()), rankings.signalKeys())
                .asTuple().map(loaded -> new Pages.Frame(title, path, new PageState(query),
                        controls(query, asOf, loaded.getItem2(), loaded.getItem3()), loaded.getItem1(), sources));
    }

    private static Pages.Controls controls(ScoreQuery query, String asOf, Views.MethodologyView described,
            Set<String> signals) {
        ScoringMethod method = ScoringMethods.byVersion(described.version()).orElseThrow();
        List<String> quarters = new ArrayList<>();
        Quarter first = Quarter.parse(described.firstQuarter());
        for (Quarter quarter = Quarter.parse(described.defaultAsOf()); !quarter.isBefore(first);
                quarter = quarter.minus(1)) {
            quarters.add(quarter.toString());
        }
        if (!quarters.contains(asOf)) {
            quarters.add(0, asOf);
        }
        PageState state = new PageState(query);
        String preset = state.customWeights() ? ""
                : query.preset() == null || query.preset().isBlank() ? method.defaultPreset().name()
                : query.preset().strip();
        return new Pages.Controls(quarters, asOf, method.presets().stream().map(Preset::name).toList(), preset,
                query.weights() == null ? "" : query.weights().strip(), List.copyOf(new TreeSet<>(signals)),
                ScoringMethods.versions(), method.version());
    }

    private Uni<List<CategoryView>> categories() {
        return catalogue.categories(new PageRequest(1, PageRequest.MAX_SIZE)).map(page -> page.items());
    }

    private static <T> Uni<List<T>> all(List<Uni<T>> unis) {
        return unis.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(unis).andFailFast();
    }

    private static Double last(List<Double> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
