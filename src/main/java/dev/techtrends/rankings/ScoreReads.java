package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.web.DataVersions;
import dev.techtrends.web.NotFoundProblem;
import dev.techtrends.web.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Reads of stored scores and components, as hand-written SQL over the reactive pool. */
@ApplicationScoped
public class ScoreReads {

    /** A technology as the read side needs it. */
    public record TechnologyRef(long id, String slug, String name, long categoryId, String category) {
    }

    /** The stored components of some categories, with what the views need to show them. */
    public record ComponentSet(Map<Long, TreeSet<String>> technologiesByCategory,
            Map<Long, NavigableMap<Quarter, List<SignalComponent>>> componentsByCategory, ScoreViews.Context context) {

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

        /** The same set narrowed to one category (all when null). */
        public ComponentSet only(Long categoryId) {
            if (categoryId == null) {
                return this;
            }
            return new ComponentSet(Map.of(categoryId, technologiesByCategory.getOrDefault(categoryId, new TreeSet<>())),
                    Map.of(categoryId, componentsByCategory.getOrDefault(categoryId, new TreeMap<>())), context);
        }
    }

    private static final String ITEM_COLUMNS = """
            select t.slug, t.name, c.slug as category, s.popularity, s.momentum, s.momentum_pct, s.trend_score,
              s.trend_score_delta, s.stage, s.coverage, s.confidence, s.rank, s.rank_change,
              s.overall_rank, s.overall_rank_change
            from score s join technology t on t.id = s.technology_id join category c on c.id = s.category_id
            """;

    private final Pool pool;
    private final DataVersions versions;
    private final ConcurrentHashMap<String, Uni<?>> perVersion = new ConcurrentHashMap<>();
    private volatile String perVersionKey = "";

    public ScoreReads(Pool pool, DataVersions versions) {
        this.pool = pool;
        this.versions = versions;
    }

    /**
     * A value that only changes with the data (the score run, the components, the attributions), loaded once per
     * data version and then served from memory; a failed load is retried by the next request.
     */
    @SuppressWarnings("unchecked")
    private <T> Uni<T> perVersion(String name, java.util.function.Supplier<Uni<T>> loader) {
        String key = versions.current().key();
        if (!key.equals(perVersionKey)) {
            synchronized (perVersion) {
                if (!key.equals(perVersionKey)) {
                    perVersion.clear();
                    perVersionKey = key;
                }
            }
        }
        return (Uni<T>) perVersion.computeIfAbsent(name, n -> loader.get()
                .onFailure().invoke(() -> perVersion.remove(n))
                .memoize().indefinitely());
    }

    public Uni<ScoreRun> run() {
        return run(MethodV1.VERSION);
    }

    public Uni<ScoreRun> run(String method) {
        return perVersion("run-" + method, () -> loadRun(method));
    }

    private Uni<ScoreRun> loadRun(String method) {
        return pool.preparedQuery("select first_quarter, as_of, data_version from score_run where method_version = $1")
                .execute(Tuple.of(method))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ServiceUnavailableException("Scores are being computed; retry shortly.", 5L);
                    }
                    Row row = rows.iterator().next();
                    return new ScoreRun(Quarter.of(row.getLocalDate(0)), Quarter.of(row.getLocalDate(1)), row.getLong(2));
                });
    }

    public Uni<TechnologyRef> technology(String slug) {
        return pool.preparedQuery("""
                        select t.id, t.slug, t.name, t.category_id, c.slug as category
                        from technology t join category c on c.id = t.category_id where t.slug = $1""")
                .execute(Tuple.of(slug))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw NotFoundProblem.of("technology", slug);
                    }
                    return technologyRef(rows.iterator().next());
                });
    }

    public Uni<Long> categoryId(String slug) {
        return pool.preparedQuery("select id from category where slug = $1").execute(Tuple.of(slug))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new dev.techtrends.web.InvalidInputException("category",
                                "no category has the slug '" + slug + "'");
                    }
                    return rows.iterator().next().getLong(0);
                });
    }

    /** The stored /score body of a technology in a quarter, as JSON text. */
    public Uni<String> scoreJson(long technologyId, Quarter quarter) {
        return pool.preparedQuery("select detail from score where method_version = $1 and technology_id = $2 and quarter = $3")
                .execute(Tuple.of(MethodV1.VERSION, technologyId, quarter.start()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** A category's stored ranking by trend score, or the overall one when categoryId is null. */
    public Uni<List<RankingItem>> ranking(Long categoryId, Quarter quarter) {
        String query = categoryId == null
                ? ITEM_COLUMNS + " where s.method_version = $1 and s.quarter = $2 order by s.overall_rank nulls last, t.slug"
                : ITEM_COLUMNS + " where s.method_version = $1 and s.quarter = $2 and s.category_id = $3"
                        + " order by s.rank nulls last, t.slug";
        Tuple parameters = categoryId == null ? Tuple.of(MethodV1.VERSION, quarter.start())
                : Tuple.of(MethodV1.VERSION, quarter.start(), categoryId);
        return pool.preparedQuery(query).execute(parameters)
                .map(rows -> Rows.map(rows, row -> item(row, categoryId == null)));
    }

    /** Technologies by momentum, fastest first (rising) or last (fading); low confidence only when asked. */
    public Uni<List<RankingItem>> movers(Quarter quarter, Long categoryId, boolean rising, boolean includeLowConfidence,
            int limit) {
        List<Object> parameters = new ArrayList<>(List.of(MethodV1.VERSION, quarter.start()));
        StringBuilder query = new StringBuilder(ITEM_COLUMNS)
                .append(" where s.method_version = $1 and s.quarter = $2 and s.momentum is not null");
        if (categoryId != null) {
            parameters.add(categoryId);
            query.append(" and s.category_id = $").append(parameters.size());
        }
        if (!includeLowConfidence) {
            query.append(" and s.confidence <> 'low'");
        }
        parameters.add(limit);
        query.append(" order by s.momentum ").append(rising ? "desc" : "asc").append(", t.slug limit $")
                .append(parameters.size());
        return pool.preparedQuery(query.toString()).execute(Tuple.from(parameters))
                .map(rows -> Rows.map(rows, row -> item(row, false)));
    }

    public Uni<List<Views.HistoryPoint>> history(long technologyId, Quarter upTo) {
        return pool.preparedQuery("""
                        select quarter, popularity, momentum, momentum_pct, trend_score, rank, stage, coverage, confidence
                        from score where method_version = $1 and technology_id = $2 and quarter <= $3 order by quarter""")
                .execute(Tuple.of(MethodV1.VERSION, technologyId, upTo.start()))
                .map(rows -> Rows.map(rows, row -> new Views.HistoryPoint(Quarter.of(row.getLocalDate("quarter")).toString(),
                        row.getDouble("popularity"), row.getDouble("momentum"), row.getDouble("momentum_pct"),
                        row.getDouble("trend_score"), row.getInteger("rank"), row.getString("stage"),
                        row.getDouble("coverage"), row.getString("confidence"))));
    }

    /** Attribution of each signal's source. */
    public Uni<Map<String, ScoreView.Attribution>> attributions() {
        return perVersion("attributions", this::loadAttributions);
    }

    private Uni<Map<String, ScoreView.Attribution>> loadAttributions() {
        return attributionsFrom(pool);
    }

    /** Attribution of each signal's source, read through any client (the pool, or a recompute's transaction). */
    public static Uni<Map<String, ScoreView.Attribution>> attributionsFrom(SqlClient client) {
        return client.preparedQuery("""
                        select g.key, s.id, s.name, s.licence, s.licence_url, s.attribution
                        from signal g join source s on s.id = g.source_id""").execute()
                .map(rows -> {
                    Map<String, ScoreView.Attribution> bySignal = new HashMap<>();
                    rows.forEach(row -> bySignal.put(row.getString("key"), new ScoreView.Attribution(row.getString("id"),
                            row.getString("name"), row.getString("licence"), row.getString("licence_url"),
                            row.getString("attribution"))));
                    return bySignal;
                });
    }

    /**
     * Every stored component with every technology, for answers with custom weights: a few thousand records,
     * loaded once per data version, so that custom weights cost computation only.
     */
    public Uni<ComponentSet> components() {
        return perVersion("components", this::loadComponents);
    }

    private Uni<ComponentSet> loadComponents() {
        Uni<List<TechnologyRef>> technologies = pool.preparedQuery("""
                        select t.id, t.slug, t.name, t.category_id, c.slug as category
                        from technology t join category c on c.id = t.category_id""")
                .execute()
                .map(rows -> Rows.map(rows, ScoreReads::technologyRef));
        Uni<List<Row>> componentRows = pool.preparedQuery("""
                        select sc.category_id, t.slug, sc.signal_key, sc.quarter, sc.data_quarter, sc.share, sc.level,
                          sc.normalised_level, sc.growth
                        from score_component sc join technology t on t.id = sc.technology_id
                        where sc.method_version = $1""")
                .execute(Tuple.of(MethodV1.VERSION))
                .map(rows -> Rows.map(rows, row -> row));
        return Uni.combine().all().unis(technologies, componentRows, attributions()).asTuple().map(all -> {
            Map<Long, TreeSet<String>> byCategory = new LinkedHashMap<>();
            Map<String, String> names = new HashMap<>();
            Map<String, String> categories = new HashMap<>();
            for (TechnologyRef technology : all.getItem1()) {
                byCategory.computeIfAbsent(technology.categoryId(), id -> new TreeSet<>()).add(technology.slug());
                names.put(technology.slug(), technology.name());
                categories.put(technology.slug(), technology.category());
            }
            Map<Long, NavigableMap<Quarter, List<SignalComponent>>> components = new HashMap<>();
            Map<String, Double> shares = new HashMap<>();
            for (Row row : all.getItem2()) {
                Quarter dataQuarter = Quarter.of(row.getLocalDate("data_quarter"));
                Quarter quarter = Quarter.of(row.getLocalDate("quarter"));
                components.computeIfAbsent(row.getLong("category_id"), id -> new TreeMap<>())
                        .computeIfAbsent(quarter, q -> new ArrayList<>()).add(new SignalComponent(row.getString("signal_key"), row.getString("slug"),
                        quarter, dataQuarter, row.getDouble("level"),
                        row.getDouble("normalised_level"), row.getDouble("growth")));
                shares.put(ScoreViews.Context.componentKey(row.getString("slug"), row.getString("signal_key"),
                        dataQuarter), row.getDouble("share"));
            }
            return new ComponentSet(byCategory, components,
                    new ScoreViews.Context(names, categories, all.getItem3(), shares));
        });
    }

    private static TechnologyRef technologyRef(Row row) {
        return new TechnologyRef(row.getLong("id"), row.getString("slug"), row.getString("name"),
                row.getLong("category_id"), row.getString("category"));
    }

    private static RankingItem item(Row row, boolean overall) {
        return new RankingItem(row.getInteger(overall ? "overall_rank" : "rank"),
                row.getInteger(overall ? "overall_rank_change" : "rank_change"), row.getString("slug"),
                row.getString("name"), row.getString("category"), row.getDouble("popularity"), row.getDouble("momentum"),
                row.getDouble("momentum_pct"), row.getDouble("trend_score"), row.getDouble("trend_score_delta"),
                row.getString("stage"), row.getDouble("coverage"), row.getString("confidence"));
    }
}
