package dev.techtrends.dashboard;

import dev.techtrends.catalogue.CatalogueQueries;
import dev.techtrends.catalogue.CategoryView;
import dev.techtrends.charts.SvgChart;
import dev.techtrends.rankings.MethodologyService;
import dev.techtrends.rankings.RankingItem;
import dev.techtrends.rankings.RankingResource;
import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.ScoreRepository;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.rankings.ValidationService;
import dev.techtrends.rankings.Views;
import dev.techtrends.scoring.Preset;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.ScoringMethods;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard: server-rendered pages over the same services as the JSON API, with its SVG charts, so it reads with
 * JavaScript off and shows exactly the API's figures. Cached by data version like every read. A client that asks for
 * JSON is sent (303) to the API read that holds the page's data.
 */
@Path("/")
@CachedRead
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
public class DashboardResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    /** Technologies per category on the overview, and movers each way. */
    private static final int OVERVIEW_TOP = 5;
    /** Quarters a chart of the overview and a ranking's sparklines cover. */
    private static final int OVERVIEW_QUARTERS = 20;
    private static final int SPARKLINE_QUARTERS = 12;
    private static final int MAX_COMPARED = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Pages.Overview page);

        static native TemplateInstance category(Pages.Category page);

        static native TemplateInstance technology(Pages.Technology page);

        static native TemplateInstance compare(Pages.Compare page);

        static native TemplateInstance methodology(Pages.Methodology page);

        static native TemplateInstance error(Pages.Error page);
    }

    private final RankingService rankings;
    private final MethodologyService methodology;
    private final ValidationService validation;
    private final CatalogueQueries catalogue;
    private final ScoreRepository scores;

    public DashboardResource(RankingService rankings, MethodologyService methodology, ValidationService validation,
            CatalogueQueries catalogue, ScoreRepository scores) {
        this.rankings = rankings;
        this.methodology = methodology;
        this.validation = validation;
        this.catalogue = catalogue;
        this.scores = scores;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> overview(@BeanParam ScoreQuery query, @Context HttpHeaders headers) {
        PageState state = new PageState(query);
        if (wantsJson(headers)) {
            return Uni.createFrom().item(seeOther("/api/v1/rankings" + state.query()));
        }
        return categories().chain(categories -> all(categories.stream()
                        .map(category -> rankings.ranking(category.slug(), query, Ranking.Order.TREND, OVERVIEW_TOP))
                        .toList())
                .chain(tops -> Uni.combine().all()
                        .unis(rankings.movers(true, null, query, false, OVERVIEW_TOP),
                                rankings.movers(false, null, query, false, OVERVIEW_TOP)).asTuple()
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
                                    rising.sources()).map(frame -> html(Templates.overview(
                                    new Pages.Overview(frame, leaders, rising, movers.getItem2()))));
                        })));
    }

    @GET
    @Path("categories/{slug}")
    @Operation(hidden = true)
    public Uni<Response> category(@PathParam("slug") String slug, @QueryParam("sort") String sort,
            @BeanParam ScoreQuery query, @Context HttpHeaders headers) {
        Ranking.Order order = RankingResource.parseOrder(sort);
        PageState state = new PageState(query);
        return catalogue.category(slug).onItem().ifNull().failWith(() -> NoSuchResourceException.of("category", slug))
                .chain(category -> {
                    if (wantsJson(headers)) {
                        return Uni.createFrom().item(seeOther("/api/v1/rankings?category=" + encode(slug)
                                + "&sort=" + order.label() + state.and()));
                    }
                    return Uni.combine().all().unis(rankings.ranking(slug, query, order, 100),
                            rankings.trendLines(slug, query, SPARKLINE_QUARTERS)).asTuple().chain(loaded -> {
                                Views.RankingView ranking = loaded.getItem1();
                                RankingService.TrendLines lines = loaded.getItem2();
                                List<Pages.Row> rows = ranking.items().stream().map(item -> new Pages.Row(item,
                                        SvgChart.sparkline(lines.of(item.technology()), 120, 28, "Trend score of "
                                                + item.name() + ", " + lines.from() + " to " + lines.to())))
                                        .toList();
                                return frame(category.name(), "/categories/" + slug, query, ranking.asOf(),
                                        ranking.sources()).map(frame -> html(Templates.category(
                                        new Pages.Category(frame, category, ranking, order.label(), rows,
                                                Math.max(200, Math.min(1200, 28 * rows.size() + 100))))));
                            });
                });
    }

    @GET
    @Path("technologies/{slug}")
    @Operation(hidden = true)
    public Uni<Response> technology(@PathParam("slug") String slug, @BeanParam ScoreQuery query,
            @Context HttpHeaders headers) {
        PageState state = new PageState(query);
        return catalogue.technology(slug).onItem().ifNull()
                .failWith(() -> NoSuchResourceException.of("technology", slug))
                .chain(technology -> {
                    if (wantsJson(headers)) {
                        return Uni.createFrom().item(seeOther("/api/v1/technologies/" + encode(slug) + "/score"
                                + state.query()));
                    }
                    return rankings.scoreView(slug, query).chain(score -> frame(technology.name(),
                            "/technologies/" + slug, query, score.asOf(), score.sources()).map(frame -> html(
                            Templates.technology(new Pages.Technology(frame, technology, score,
                                    Quarter.parse(score.asOf()).minus(OVERVIEW_QUARTERS - 1).toString())))));
                });
    }

    @GET
    @Path("compare")
    @Operation(hidden = true)
    public Uni<Response> compare(@QueryParam("technologies") List<String> technologies,
            @QueryParam("metric") String metric, @BeanParam ScoreQuery query, @Context HttpHeaders headers) {
        // A form sends each ticked box as its own parameter; a shared link has them comma-separated.
        List<String> slugs = technologies.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(slug -> !slug.isEmpty()).distinct().toList();
        if (slugs.size() > MAX_COMPARED) {
            throw new InvalidInputException("technologies", "must name at most " + MAX_COMPARED
                    + " technologies, got " + slugs.size());
        }
        String drawn = metric == null || metric.isBlank() ? "trend" : metric.strip();
        if (!Set.of("trend", "popularity", "momentum").contains(drawn)) {
            throw new InvalidInputException("metric", "must be trend, popularity or momentum, got '" + metric + "'");
        }
        String joined = String.join(",", slugs);
        PageState state = new PageState(query);
        if (wantsJson(headers)) {
            return Uni.createFrom().item(seeOther("/api/v1/compare?technologies=" + encode(joined) + state.and()));
        }
        Uni<Views.CompareView> compared = slugs.isEmpty() ? Uni.createFrom().nullItem()
                : rankings.compare(slugs, query);
        return compared.chain(compare -> rankings.ranking(null, query, Ranking.Order.TREND, 100).chain(all -> {
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
                    .map(frame -> html(Templates.compare(new Pages.Compare(frame, choices, joined, drawn, rows))));
        }));
    }

    @GET
    @Path("methodology")
    @Operation(hidden = true)
    public Uni<Response> methodology(@QueryParam("method") String method, @Context HttpHeaders headers) {
        ScoreQuery query = new ScoreQuery(null, null, null, null, method);
        if (wantsJson(headers)) {
            return Uni.createFrom().item(seeOther("/api/v1/methodology" + new PageState(query).query()));
        }
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
                    described.sources()).map(frame -> html(Templates.methodology(new Pages.Methodology(frame,
                    described, List.copyOf(signals), presets, record))));
        }));
    }

    private Uni<Pages.Frame> frame(String title, String path, ScoreQuery query, String asOf,
            List<ScoreView.Attribution> sources) {
        return Uni.combine().all().unis(categories(), methodology.methodology(query.method()), scores.signalKeys())
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

    /** Whether the client prefers JSON to HTML (browsers name text/html; the API's clients application/json). */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                return true;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Response html(TemplateInstance page) {
        return Response.ok(page.render(), HTML).build();
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
