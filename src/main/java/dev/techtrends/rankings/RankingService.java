package dev.techtrends.rankings;

import dev.techtrends.catalogue.CatalogueLookup;
import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.Confidence;
import dev.techtrends.scoring.Direction;
import dev.techtrends.scoring.Freshness;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.Weights;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Answers score questions: from stored scores when a method's defaults are asked for, otherwise by running stages
 * 2 and 3 of the method on its stored components (never on observations). That computation runs on a worker
 * thread, so no event loop waits for it.
 */
@ApplicationScoped
public class RankingService {

    static final String OVERALL_NOTE = "Across categories: each technology is scored within its own category "
            + "(normalised levels are relative to the category's leader), then all are sorted by the chosen figure.";
    static final String CATEGORY_NOTE = "Within the category: normalised levels are relative to the category's "
            + "leader on each signal (100).";

    /** Technologies one comparison may hold. */
    public static final int MAX_COMPARED = 10;

    private final ScoreRepository scores;
    private final CatalogueLookup catalogue;
    private final Vertx vertx;
    private final SignalFreshnessReads freshness;

    public RankingService(ScoreRepository scores, CatalogueLookup catalogue, Vertx vertx,
            SignalFreshnessReads freshness) {
        this.scores = scores;
        this.catalogue = catalogue;
        this.vertx = vertx;
        this.freshness = freshness;
    }

    /** The query validated against the signals the catalogue knows. */
    Uni<ScoreParameters> parameters(ScoreQuery query) {
        return signalKeys().map(known -> ScoreParameters.parse(query, known));
    }

    /** The signal keys custom weights may name. */
    public Uni<Set<String>> signalKeys() {
        return scores.signalKeys();
    }

    /**
     * The /score answer, computed from the stored components whatever the weights (the stored scores hold the figures
     * lists and histories show; an answer's breakdown is rendered on demand and kept by the response cache).
     */
    public Uni<ScoreView> score(String slug, ScoreQuery query) {
        return parameters(query).chain(parameters -> catalogue.technology(slug).chain(technology -> scores
                .run(parameters.method()).chain(run -> {
                    Quarter asOf = parameters.resolveAsOf(run);
                    return Uni.combine().all().unis(scores.components(parameters.method(),
                            List.of(technology.categoryId()), List.of(asOf, asOf.minus(1), asOf.minus(4))),
                            freshness.all()).asTuple().chain(loaded -> onWorker(() -> {
                        ScoreRepository.ComponentSet set = loaded.getItem1();
                        List<Ranking.Entry> entries = parameters.method().ranking(
                                set.technologiesByCategory().get(technology.categoryId()), asOf,
                                set.of(technology.categoryId(), asOf, asOf.minus(1), asOf.minus(4)),
                                parameters.weights(), parameters.momentumWeight(), ScoreOrder.TREND);
                        Ranking.Entry entry = entries.stream().filter(e -> e.technology().equals(slug)).findFirst()
                                .orElseThrow();
                        Map<String, Freshness> bySignal = new HashMap<>();
                        loaded.getItem2().forEach((signal, read) -> bySignal.put(signal, read.freshness()));
                        return ViewMapper.score(parameters.method(), entry, parameters.weights(),
                                parameters.momentumWeight(), set.context(), bySignal);
                    }));
                })));
    }

    public Uni<Views.RankingView> ranking(String category, ScoreQuery query, ScoreOrder order, int limit) {
        Uni<Long> categoryId = category == null ? Uni.createFrom().nullItem() : catalogue.categoryId(category);
        return parameters(query).chain(parameters -> categoryId.chain(id -> scores.run(parameters.method())
                .chain(run -> {
                    Quarter asOf = parameters.resolveAsOf(run);
                    Uni<List<RankingItem>> items = parameters.isDefault() && order == ScoreOrder.TREND
                            ? scores.ranking(parameters.method(), id, asOf)
                            : categories(id).chain(ids -> scores.components(parameters.method(), ids,
                                    List.of(asOf, asOf.minus(1)))).chain(set -> onWorker(() ->
                                    computedRanking(set, asOf, parameters, order)));
                    return items.chain(list -> sources(parameters.weights()).map(sources ->
                            new Views.RankingView(parameters.method().version(), category, asOf.toString(),
                                    order, parameters.preset(), new TreeMap<>(parameters.weights().bySignal()),
                                    parameters.momentumWeight(), category == null ? OVERALL_NOTE : CATEGORY_NOTE,
                                    list.subList(0, Math.min(limit, list.size())), sources)));
                })));
    }

    /** Ranks each category with the method, then, across categories, merges them by the figure. */
    private static List<RankingItem> computedRanking(ScoreRepository.ComponentSet set, Quarter asOf,
            ScoreParameters parameters, ScoreOrder order) {
        List<Ranking.Entry> entries = computedEntries(set, asOf, parameters, order);
        if (set.technologiesByCategory().size() == 1) {
            return entries.stream()
                    .map(e -> ViewMapper.item(e, e.rank(), e.sincePreviousQuarter().rankChange(), e.placing(),
                            set.context()))
                    .toList();
        }
        List<Score> now = entries.stream().map(Ranking.Entry::score).toList();
        List<Score> previous = new ArrayList<>();
        set.technologiesByCategory().forEach((categoryId, technologies) -> previous.addAll(parameters.method()
                .scores(technologies, asOf.minus(1), set.of(categoryId, asOf.minus(1)), parameters.weights(),
                        parameters.momentumWeight())));
        Map<String, Integer> ranksNow = Ranking.ranks(now, order);
        Map<String, Integer> ranksBefore = Ranking.ranks(previous, order);
        Map<String, Ranking.Placing> placings = Ranking.placings(now, order);
        return entries.stream()
                .sorted(Comparator.comparing((Ranking.Entry e) -> ranksNow.getOrDefault(e.technology(),
                                Integer.MAX_VALUE)).thenComparing(Ranking.Entry::technology))
                .map(e -> {
                    Integer rank = ranksNow.get(e.technology());
                    Integer before = ranksBefore.get(e.technology());
                    return ViewMapper.item(e, rank, rank == null || before == null ? null : before - rank,
                            placings.get(e.technology()), set.context());
                })
                .toList();
    }

    /** Every category of the set ranked with the method, as lists show it (the change since the previous quarter). */
    private static List<Ranking.Entry> computedEntries(ScoreRepository.ComponentSet set, Quarter asOf,
            ScoreParameters parameters, ScoreOrder order) {
        List<Ranking.Entry> entries = new ArrayList<>();
        set.technologiesByCategory().forEach((categoryId, technologies) -> entries.addAll(parameters.method()
                .listRanking(technologies, asOf, set.of(categoryId, asOf, asOf.minus(1)), parameters.weights(),
                        parameters.momentumWeight(), order)));
        return entries;
    }

    /**
     * The technologies moving one way, fastest first (the steady by momentum, highest first): by the momentum's
     * interval where the method has one, so a fading list never holds a riser.
     */
    public Uni<Views.MoversView> movers(Direction direction, String category, ScoreQuery query,
            boolean includeLowConfidence, int limit) {
        Uni<Long> categoryId = category == null ? Uni.createFrom().nullItem() : catalogue.categoryId(category);
        return parameters(query).chain(parameters -> categoryId.chain(id -> scores.run(parameters.method())
                .chain(run -> {
                    Quarter quarter = parameters.resolveAsOf(run);
                    Uni<List<RankingItem>> items = parameters.isDefault()
                            ? scores.movers(parameters.method(), quarter, id, direction, includeLowConfidence, limit)
                            : categories(id).chain(ids -> scores.components(parameters.method(), ids,
                                    List.of(quarter, quarter.minus(1)))).chain(set -> onWorker(() -> computedMovers(
                                    set, quarter, parameters, direction, includeLowConfidence, limit)));
                    return items.chain(list -> sources(parameters.weights()).map(sources ->
                            new Views.MoversView(parameters.method().version(), quarter.toString(),
                                    direction, category, includeLowConfidence, list, sources)));
                })));
    }

    private static List<RankingItem> computedMovers(ScoreRepository.ComponentSet set, Quarter asOf,
            ScoreParameters parameters, Direction direction, boolean includeLowConfidence, int limit) {
        Comparator<Ranking.Entry> byMomentum = Comparator.comparing(e -> e.score().momentum());
        return computedEntries(set, asOf, parameters, ScoreOrder.TREND).stream()
                .filter(e -> e.score().direction() == direction)
                .filter(e -> includeLowConfidence || e.score().confidence() != Confidence.LOW)
                .sorted((direction == Direction.FADING ? byMomentum : byMomentum.reversed())
                        .thenComparing(Ranking.Entry::technology))
                .limit(limit)
                .map(e -> ViewMapper.item(e, e.rank(), e.sincePreviousQuarter().rankChange(), e.placing(),
                        set.context()))
                .toList();
    }

    public Uni<Views.HistoryView> history(String slug, ScoreQuery query) {
        return parameters(query).chain(parameters -> catalogue.technology(slug).chain(technology -> scores
                .run(parameters.method()).chain(run -> {
                    Quarter upTo = parameters.resolveAsOf(run);
                    Uni<List<Views.HistoryPoint>> points = parameters.isDefault()
                            ? scores.history(parameters.method(), technology.id(), upTo)
                            : scores.components(parameters.method(), List.of(technology.categoryId()))
                                    .chain(set -> onWorker(() -> computedHistory(set, technology.categoryId(), slug,
                                            upTo, parameters)));
                    return points.chain(list -> sources(parameters.weights()).map(sources ->
                            new Views.HistoryView(slug, technology.category(), parameters.method().version(),
                                    new TreeMap<>(parameters.weights().bySignal()), parameters.momentumWeight(), list,
                                    sources)));
                })));
    }

    private static List<Views.HistoryPoint> computedHistory(ScoreRepository.ComponentSet set, long categoryId,
            String slug, Quarter upTo, ScoreParameters parameters) {
        return historyOf(scoresByQuarter(set, categoryId, parameters), slug, upTo);
    }

    private static NavigableMap<Quarter, List<Score>> scoresByQuarter(ScoreRepository.ComponentSet set,
            long categoryId, ScoreParameters parameters) {
        return parameters.method().scoresByQuarter(set.technologiesByCategory().get(categoryId), set.of(categoryId),
                parameters.weights(), parameters.momentumWeight());
    }

    private static List<Views.HistoryPoint> historyOf(NavigableMap<Quarter, List<Score>> byQuarter, String slug,
            Quarter upTo) {
        List<Views.HistoryPoint> points = new ArrayList<>();
        byQuarter.headMap(upTo, true).forEach((quarter, scoresOfQuarter) -> {
            Map<String, Integer> ranks = Ranking.ranks(scoresOfQuarter, ScoreOrder.TREND);
            Map<String, Ranking.Placing> placings = Ranking.placings(scoresOfQuarter, ScoreOrder.TREND);
            scoresOfQuarter.stream().filter(score -> score.technology().equals(slug)).findFirst()
                    .ifPresent(score -> points.add(ViewMapper.historyPoint(score, ranks.get(slug),
                            placings.get(slug))));
        });
        return points;
    }

    /** Several technologies on one quarter axis, with the weights asked for (computed per category when custom). */
    public Uni<Views.CompareView> compare(List<String> slugs, ScoreQuery query) {
        return compareWithHistories(slugs, query).map(ComparedHistories::compare);
    }

    /**
     * The comparison and each technology's history it was drawn from (in the same order), for charts that need what
     * the comparison leaves out: the rank and, with method v4, the intervals and rank ranges.
     */
    public Uni<ComparedHistories> compareWithHistories(List<String> slugs, ScoreQuery query) {
        return parameters(query).chain(parameters -> scores.run(parameters.method()).chain(run -> {
            Quarter upTo = parameters.resolveAsOf(run);
            ScoringMethod method = parameters.method();
            return catalogue.technologies(slugs).chain(technologies -> histories(technologies, upTo, parameters)
                    .chain(histories -> scores.components(method, categoriesOf(technologies))
                            .chain(set -> sources(parameters.weights()).map(sources -> new ComparedHistories(
                                    ViewMapper.compare(method, upTo, technologies, histories, set, sources),
                                    histories)))));
        }));
    }

    /** A comparison and, per compared technology, its history points up to asOf. */
    public record ComparedHistories(Views.CompareView compare, List<List<Views.HistoryPoint>> histories) {
    }

    private Uni<List<List<Views.HistoryPoint>>> histories(List<TechnologyRef> technologies,
            Quarter upTo, ScoreParameters parameters) {
        if (parameters.isDefault()) {
            return Uni.join().all(technologies.stream()
                    .map(technology -> scores.history(parameters.method(), technology.id(), upTo)).toList())
                    .andFailFast();
        }
        return scores.components(parameters.method(), categoriesOf(technologies)).chain(set -> onWorker(() -> {
            Map<Long, NavigableMap<Quarter, List<Score>>> byCategory = new HashMap<>();
            return technologies.stream().map(technology -> historyOf(byCategory.computeIfAbsent(
                    technology.categoryId(), id -> scoresByQuarter(set, id, parameters)), technology.slug(), upTo))
                    .toList();
        }));
    }

    /**
     * The trend score of every technology of a category over the quarters up to asOf (at most {@code quarters}),
     * for sparklines: stored scores in one query for the method's defaults, computed once for the category otherwise.
     */
    public Uni<TrendLines> trendLines(String category, ScoreQuery query, int quarters) {
        return parameters(query).chain(parameters -> catalogue.categoryId(category).chain(categoryId -> scores
                .run(parameters.method()).chain(run -> {
                    Quarter upTo = parameters.resolveAsOf(run);
                    Quarter from = upTo.minus(quarters - 1);
                    if (parameters.isDefault()) {
                        return scores.trendScores(parameters.method(), categoryId, from, upTo)
                                .map(bySlug -> new TrendLines(from, upTo, bySlug));
                    }
                    List<Quarter> shown = new ArrayList<>();
                    for (Quarter quarter = from; !quarter.isAfter(upTo); quarter = quarter.plus(1)) {
                        shown.add(quarter);
                    }
                    return scores.components(parameters.method(), List.of(categoryId), shown).chain(set -> onWorker(() -> {
                        Map<String, Map<Quarter, Double>> bySlug = new TreeMap<>();
                        scoresByQuarter(set, categoryId, parameters).subMap(from, true, upTo, true)
                                .forEach((quarter, scoresOfQuarter) -> scoresOfQuarter.forEach(score -> bySlug
                                        .computeIfAbsent(score.technology(), slug -> new TreeMap<>())
                                        .put(quarter, score.trendScore())));
                        return new TrendLines(from, upTo, bySlug);
                    }));
                })));
    }

    /** Trend scores by technology and quarter, from {@code from} to {@code to}; a quarter without one is absent. */
    public record TrendLines(Quarter from, Quarter to, Map<String, Map<Quarter, Double>> bySlug) {

        /** One value per quarter from {@code from} to {@code to}, null where there is none. */
        public List<Double> of(String slug) {
            Map<Quarter, Double> values = bySlug.getOrDefault(slug, Map.of());
            List<Double> line = new ArrayList<>();
            for (Quarter quarter = from; !quarter.isAfter(to); quarter = quarter.plus(1)) {
                line.add(values.get(quarter));
            }
            return line;
        }
    }

    /** The category asked for, or every category. */
    private Uni<Collection<Long>> categories(Long categoryId) {
        return categoryId == null ? scores.categoryIds() : Uni.createFrom().item(List.of(categoryId));
    }

    private static Set<Long> categoriesOf(List<TechnologyRef> technologies) {
        Set<Long> categories = new TreeSet<>();
        technologies.forEach(technology -> categories.add(technology.categoryId()));
        return categories;
    }

    /** Attribution of the sources whose signals carry weight. */
    Uni<List<ScoreView.Attribution>> sources(Weights weights) {
        return sources(signal -> weights.weightOf(signal) > 0);
    }

    Uni<List<ScoreView.Attribution>> allSources() {
        return sources(signal -> true);
    }

    private Uni<List<ScoreView.Attribution>> sources(Predicate<String> signalUsed) {
        return scores.attributions().map(bySignal -> {
            Map<String, ScoreView.Attribution> sources = new TreeMap<>();
            bySignal.forEach((signal, source) -> {
                if (signalUsed.test(signal)) {
                    sources.put(source.id(), source);
                }
            });
            return List.copyOf(sources.values());
        });
    }

    /** CPU work off the event loop; the result comes back on the caller's context. */
    private <T> Uni<T> onWorker(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
