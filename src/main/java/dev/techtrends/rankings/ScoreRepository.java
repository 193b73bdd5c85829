package dev.techtrends.rankings;

import dev.techtrends.catalogue.CatalogueLookup;
import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.Direction;
import dev.techtrends.scoring.LevelBasis;
import dev.techtrends.scoring.LogTrend;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.web.Labels;
import dev.techtrends.web.Rows;
import dev.techtrends.web.cache.Reads;
import dev.techtrends.web.cache.VersionedCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads of stored scores and components, as hand-written SQL over the reactive pool. What only changes with the data
 * (score runs, components, attributions, signal keys) is loaded once per data version through the
 * {@link VersionedCache}.
 */
@ApplicationScoped
public class ScoreRepository {

    /** The range a method's stored scores cover. */
    public record Run(Quarter firstQuarter, Quarter asOf) {
    }

    /** The stored components of a method, with what the responses need to show them. */
    public record ComponentSet(Map<Long, TreeSet<String>> technologiesByCategory,
            Map<Long, NavigableMap<Quarter, List<SignalComponent>>> componentsByCategory,
            ViewMapper.Context context) {

        /** Every component of a category. */
        public List<SignalComponent> of(long categoryId) {
            List<SignalComponent> all = new ArrayList<>();
            componentsByCategory.getOrDefault(categoryId, new TreeMap<>()).values().forEach(all::addAll);
            return all;
        }

        /** The components of a category in the quarters a ranking needs: grouped once, not per request. */
        public List<SignalComponent> of(long categoryId, Quarter... quarters) {
            NavigableMap<Quarter, List<SignalComponent>> byQuarter = componentsByCategory.getOrDefault(categoryId,
                    new TreeMap<>());
            List<SignalComponent> selected = new ArrayList<>();
            for (Quarter quarter : quarters) {
                selected.addAll(byQuarter.getOrDefault(quarter, List.of()));
            }
            return selected;
        }

        /** What it holds, in bytes, about: the cache keeps as many sets as fit. */
        long weight() {
            long components = 0;
            for (NavigableMap<Quarter, List<SignalComponent>> byQuarter : componentsByCategory.values()) {
                for (List<SignalComponent> ofQuarter : byQuarter.values()) {
                    components += ofQuarter.size();
                }
            }
            return 200L * components + 100L * context.shareByComponent().size() + 128L * context.nameBySlug().size();
        }
    }

    private static final String ITEM_COLUMNS = """
            select t.slug, t.name, c.slug as category, s.popularity, s.momentum, s.momentum_pct, s.trend_score,
              s.trend_score_delta, s.stage, s.coverage, s.confidence, s.rank, s.rank_change,
              s.overall_rank, s.overall_rank_change, s.direction, s.recent_change_pct, s.tier, s.rank_best,
              s.rank_worst, s.overall_tier, s.overall_rank_best, s.overall_rank_worst, s.popularity_low,
              s.popularity_high, s.momentum_low, s.momentum_high, s.trend_score_low, s.trend_score_high
            from score s join technology t on t.id = s.technology_id join category c on c.id = s.category_id
            """;

    private final Reads reads;
    private final VersionedCache cache;
    private final CatalogueLookup catalogue;

    public ScoreRepository(Reads reads, VersionedCache cache, CatalogueLookup catalogue) {
        this.reads = reads;
        this.cache = cache;
        this.catalogue = catalogue;
    }

    public Uni<Run> run(ScoringMethod method) {
        return cache.loaded("run-" + method.version(), () -> reads.run(pool -> pool
                .preparedQuery("select first_quarter, as_of from score_run where method_version = $1")
                .execute(Tuple.of(method.version())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ServiceUnavailableException("Scores are being computed; retry shortly.", 5L);
                    }
                    Row row = rows.iterator().next();
                    return new Run(Quarter.of(row.getLocalDate(0)), Quarter.of(row.getLocalDate(1)));
                }));
    }

    /** A category's stored ranking by trend score, or the overall one when categoryId is null. */
    public Uni<List<RankingItem>> ranking(ScoringMethod method, Long categoryId, Quarter quarter) {
        String query = categoryId == null
                ? ITEM_COLUMNS + " where s.method_version = $1 and s.quarter = $2 order by s.overall_rank nulls last, t.slug"
                : ITEM_COLUMNS + " where s.method_version = $1 and s.quarter = $2 and s.category_id = $3"
                        + " order by s.rank nulls last, t.slug";
        Tuple parameters = categoryId == null ? Tuple.of(method.version(), quarter.start())
                : Tuple.of(method.version(), quarter.start(), categoryId);
        return reads.run(pool -> pool.preparedQuery(query).execute(parameters))
                .map(rows -> Rows.map(rows, row -> item(row, categoryId == null)));
    }

    /**
     * The technologies moving one way, by momentum: fastest decline first when fading, highest momentum first
     * otherwise; low confidence only when asked.
     */
    public Uni<List<RankingItem>> movers(ScoringMethod method, Quarter quarter, Long categoryId, Direction direction,
            boolean includeLowConfidence, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(method.version(), quarter.start(), direction.label()));
        StringBuilder query = new StringBuilder(ITEM_COLUMNS)
                .append(" where s.method_version = $1 and s.quarter = $2 and s.direction = $3");
        if (categoryId != null) {
            parameters.add(categoryId);
            query.append(" and s.category_id = $").append(parameters.size());
        }
        if (!includeLowConfidence) {
            query.append(" and s.confidence <> 'low'");
        }
        parameters.add(limit);
        query.append(" order by s.momentum ").append(direction == Direction.FADING ? "asc" : "desc")
                .append(", t.slug limit $")
                .append(parameters.size());
        return reads.run(pool -> pool.preparedQuery(query.toString()).execute(Tuple.from(parameters)))
                .map(rows -> Rows.map(rows, row -> item(row, false)));
    }

    public Uni<List<Views.HistoryPoint>> history(ScoringMethod method, long technologyId, Quarter upTo) {
        return reads.run(pool -> pool.preparedQuery("""
                        select quarter, popularity, momentum, momentum_pct, trend_score, rank, stage, coverage,
                          confidence, direction, recent_change_pct, tier, rank_best, rank_worst, popularity_low,
                          popularity_high, momentum_low, momentum_high, trend_score_low, trend_score_high
                        from score where method_version = $1 and technology_id = $2 and quarter <= $3 order by quarter""")
                .execute(Tuple.of(method.version(), technologyId, upTo.start())))
                .map(rows -> Rows.map(rows, row -> new Views.HistoryPoint(
                        Quarter.of(row.getLocalDate("quarter")).toString(), row.getDouble("popularity"),
                        row.getDouble("momentum"), row.getDouble("momentum_pct"), row.getDouble("trend_score"),
                        row.getInteger("rank"), row.getString("stage"), row.getDouble("coverage"),
                        row.getString("confidence"), direction(row), row.getDouble("recent_change_pct"),
                        row.getInteger("tier"), rankRange(row, "rank_best", "rank_worst"),
                        interval(row, "popularity_low", "popularity_high", false),
                        interval(row, "momentum_low", "momentum_high", true),
                        interval(row, "trend_score_low", "trend_score_high", false))));
    }

    /** The stored trend scores of a category's technologies from one quarter to another (the category index). */
    public Uni<Map<String, Map<Quarter, Double>>> trendScores(ScoringMethod method, long categoryId, Quarter from,
            Quarter to) {
        return reads.run(pool -> pool.preparedQuery("""
                        select t.slug, s.quarter, s.trend_score from score s join technology t on t.id = s.technology_id
                        where s.method_version = $1 and s.category_id = $2 and s.quarter between $3 and $4""")
                .execute(Tuple.of(method.version(), categoryId, from.start(), to.start())))
                .map(rows -> {
                    Map<String, Map<Quarter, Double>> bySlug = new TreeMap<>();
                    for (Row row : rows) {
                        bySlug.computeIfAbsent(row.getString("slug"), slug -> new TreeMap<>())
                                .put(Quarter.of(row.getLocalDate("quarter")), row.getDouble("trend_score"));
                    }
                    return bySlug;
                });
    }

    /** Attribution of each signal's source. */
    public Uni<Map<String, ScoreView.Attribution>> attributions() {
        return cache.loaded("attributions", () -> reads.run(ScoreRepository::attributionsFrom));
    }

    /** Attribution of each signal's source, read through any client (a pool, or a recompute's transaction). */
    static Uni<Map<String, ScoreView.Attribution>> attributionsFrom(SqlClient client) {
        return client.preparedQuery("""
                        select g.key, s.id, s.name, s.licence, s.licence_url, s.attribution
                        from signal g join source s on s.id = g.source_id""").execute()
                .map(rows -> {
                    Map<String, ScoreView.Attribution> bySignal = new HashMap<>();
                    rows.forEach(row -> bySignal.put(row.getString("key"), new ScoreView.Attribution(
                            row.getString("id"), row.getString("name"), row.getString("licence"),
                            row.getString("licence_url"), row.getString("attribution"))));
                    return bySignal;
                });
    }

    /** Every category's technologies, by category slug. */
    Uni<Map<String, Set<String>>> technologiesByCategorySlug() {
        return catalogue.catalogue().map(all -> {
            Map<String, Set<String>> byCategory = new TreeMap<>();
            all.technologies().values().forEach(technology -> byCategory
                    .computeIfAbsent(technology.category(), c -> new TreeSet<>()).add(technology.slug()));
            return byCategory;
        });
    }

    /** Every observation, as the scoring methods take it. */
    Uni<List<Observation>> observations() {
        return reads.run(pool -> pool.withTransaction(ScoreSnapshot::observationsFrom));
    }

    /** The keys of every signal in the catalogue: what weights may name. */
    public Uni<Set<String>> signalKeys() {
        return cache.loaded("signal-keys", () -> reads.run(pool -> pool.preparedQuery("select key from signal").execute())
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(row -> keys.add(row.getString(0)));
                    return Set.copyOf(keys);
                }));
    }

    /**
     * A method's stored components of these categories in these quarters, for answers computed from them (custom
     * weights, a /score breakdown): loaded in one query once per data version and kept while memory allows, so that
     * what an answer costs grows with its categories and quarters, not with the catalogue.
     */
    public Uni<ComponentSet> components(ScoringMethod method, Collection<Long> categoryIds,
            Collection<Quarter> quarters) {
        Set<Long> categories = new TreeSet<>(categoryIds);
        Set<Quarter> asked = new TreeSet<>(quarters);
        return cache.loaded("components-" + method.version() + "-" + categories + "-" + asked,
                () -> loadComponents(method, categories, asked), ComponentSet::weight);
    }

    /** As {@link #components(ScoringMethod, Collection, Collection)}, in every quarter: for histories and series. */
    public Uni<ComponentSet> components(ScoringMethod method, Collection<Long> categoryIds) {
        Set<Long> categories = new TreeSet<>(categoryIds);
        return cache.loaded("components-" + method.version() + "-" + categories,
                () -> loadComponents(method, categories, null), ComponentSet::weight);
    }

    /** Every category's id. */
    public Uni<Collection<Long>> categoryIds() {
        return catalogue.catalogue().map(all -> all.categoryIds().values());
    }

    /** The stored components of the categories in the quarters (every quarter when null), with their context. */
    private Uni<ComponentSet> loadComponents(ScoringMethod method, Set<Long> categoryIds, Set<Quarter> quarters) {
        Uni<RowSet<Row>> rows = reads.run(pool -> pool.preparedQuery("""
                        select sc.category_id, t.slug, sc.signal_key, sc.quarter, sc.data_quarter, sc.share, sc.level,
                          sc.normalised_level, sc.growth, sc.level_basis, sc.anchored_level, sc.anchored_normalised_level,
                          sc.trend, sc.trend_error, sc.trend_from, sc.trend_to, sc.trend_points
                        from score_component sc join technology t on t.id = sc.technology_id
                        where sc.method_version = $1 and sc.category_id = any($2)
                          and ($3::date[] is null or sc.quarter = any($3))""")
                .execute(Tuple.of(method.version(), categoryIds.toArray(Long[]::new), quarters == null ? null
                        : quarters.stream().map(Quarter::start).toArray(LocalDate[]::new))));
        return Uni.combine().all().unis(catalogue.catalogue(), attributions(), rows).asTuple().map(all -> {
            Map<Long, TreeSet<String>> byCategory = new LinkedHashMap<>();
            List<TechnologyRef> technologies = new ArrayList<>();
            categoryIds.forEach(id -> byCategory.put(id, new TreeSet<>()));
            for (TechnologyRef technology : all.getItem1().technologies().values()) {
                TreeSet<String> members = byCategory.get(technology.categoryId());
                if (members != null) {
                    members.add(technology.slug());
                    technologies.add(technology);
                }
            }
            Map<Long, NavigableMap<Quarter, List<SignalComponent>>> components = new HashMap<>();
            Map<ViewMapper.ShareKey, Double> shares = new HashMap<>();
            for (Row row : all.getItem3()) {
                Quarter dataQuarter = Quarter.of(row.getLocalDate("data_quarter"));
                Quarter quarter = Quarter.of(row.getLocalDate("quarter"));
                components.computeIfAbsent(row.getLong("category_id"), id -> new TreeMap<>())
                        .computeIfAbsent(quarter, q -> new ArrayList<>())
                        .add(new SignalComponent(row.getString("signal_key"), row.getString("slug"), quarter,
                                dataQuarter, row.getDouble("level"), row.getDouble("normalised_level"),
                                row.getDouble("growth"), row.getDouble("anchored_level"),
                                row.getDouble("anchored_normalised_level"), LevelBasis.of(row.getString("level_basis")),
                                trend(row)));
                shares.put(new ViewMapper.ShareKey(row.getString("slug"), row.getString("signal_key"), dataQuarter),
                        row.getDouble("share"));
            }
            return new ComponentSet(byCategory, components, ViewMapper.Context.of(technologies, all.getItem2(), shares));
        });
    }

    private static RankingItem item(Row row, boolean overall) {
        return new RankingItem(row.getInteger(overall ? "overall_rank" : "rank"),
                row.getInteger(overall ? "overall_rank_change" : "rank_change"), row.getString("slug"),
                row.getString("name"), row.getString("category"), row.getDouble("popularity"), row.getDouble("momentum"),
                row.getDouble("momentum_pct"), row.getDouble("trend_score"), row.getDouble("trend_score_delta"),
                row.getString("stage"), row.getDouble("coverage"), row.getString("confidence"), direction(row),
                row.getDouble("recent_change_pct"), row.getInteger(overall ? "overall_tier" : "tier"),
                overall ? rankRange(row, "overall_rank_best", "overall_rank_worst")
                        : rankRange(row, "rank_best", "rank_worst"),
                interval(row, "popularity_low", "popularity_high", false),
                interval(row, "momentum_low", "momentum_high", true),
                interval(row, "trend_score_low", "trend_score_high", false));
    }

    private static Direction direction(Row row) {
        String direction = row.getString("direction");
        return direction == null ? null : Labels.parse(Direction.class, direction);
    }

    private static Views.RankRange rankRange(Row row, String best, String worst) {
        Integer bestRank = row.getInteger(best);
        return bestRank == null ? null : new Views.RankRange(bestRank, row.getInteger(worst));
    }

    /** A stored interval; a momentum's (log units) as percent. */
    private static Views.Interval interval(Row row, String low, String high, boolean percent) {
        Double lowValue = row.getDouble(low);
        if (lowValue == null) {
            return null;
        }
        Score.Interval interval = new Score.Interval(lowValue, row.getDouble(high));
        return percent ? Views.Interval.percent(interval) : Views.Interval.of(interval);
    }

    private static LogTrend trend(Row row) {
        Double slope = row.getDouble("trend");
        return slope == null ? null : new LogTrend(slope, row.getDouble("trend_error"),
                Quarter.of(row.getLocalDate("trend_from")), Quarter.of(row.getLocalDate("trend_to")),
                row.getInteger("trend_points"));
    }
}
