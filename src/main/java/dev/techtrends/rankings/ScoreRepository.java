package dev.techtrends.rankings;

import dev.techtrends.scoring.Granularity;
import dev.techtrends.scoring.LevelBasis;
import dev.techtrends.scoring.Observation;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.web.Rows;
import dev.techtrends.web.cache.VersionedCache;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** A technology as the read side needs it. */
    public record TechnologyRef(long id, String slug, String name, long categoryId, String category) {
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

    private static final String TECHNOLOGY_COLUMNS = """
            select t.id, t.slug, t.name, t.category_id, c.slug as category
            from technology t join category c on c.id = t.category_id""";

    private final Pool pool;
    private final VersionedCache cache;

    public ScoreRepository(Pool pool, VersionedCache cache) {
        this.pool = pool;
        this.cache = cache;
    }

    public Uni<Run> run(ScoringMethod method) {
        return cache.loaded("run-" + method.version(), () -> pool
                .preparedQuery("select first_quarter, as_of from score_run where method_version = $1")
                .execute(Tuple.of(method.version()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ServiceUnavailableException("Scores are being computed; retry shortly.", 5L);
                    }
                    Row row = rows.iterator().next();
                    return new Run(Quarter.of(row.getLocalDate(0)), Quarter.of(row.getLocalDate(1)));
                }));
    }

    public Uni<TechnologyRef> technology(String slug) {
        return catalogue().map(catalogue -> {
            TechnologyRef technology = catalogue.technologies().get(slug);
            if (technology == null) {
                throw NoSuchResourceException.of("technology", slug);
            }
            return technology;
        });
    }

    /** The technologies with these slugs, in that order. */
    public Uni<List<TechnologyRef>> technologies(List<String> slugs) {
        return catalogue().map(catalogue -> {
            List<TechnologyRef> ordered = new ArrayList<>(slugs.size());
            for (String slug : slugs) {
                TechnologyRef technology = catalogue.technologies().get(slug);
                if (technology == null) {
                    throw NoSuchResourceException.of("technology", slug);
                }
                ordered.add(technology);
            }
            return ordered;
        });
    }

    public Uni<Long> categoryId(String slug) {
        return catalogue().map(catalogue -> {
            Long id = catalogue.categoryIds().get(slug);
            if (id == null) {
                throw new InvalidInputException("category", "no category has the slug '" + slug + "'");
            }
            return id;
        });
    }

    /** Every technology and category by slug, once per data version: a score read names them on every request. */
    private Uni<Catalogue> catalogue() {
        return cache.loaded("catalogue", () -> Uni.combine().all().unis(
                pool.preparedQuery(TECHNOLOGY_COLUMNS).execute(),
                pool.preparedQuery("select id, slug from category").execute()).asTuple().map(rows -> {
                    Map<String, TechnologyRef> technologies = new HashMap<>();
                    rows.getItem1().forEach(row -> technologies.put(row.getString("slug"), technologyRef(row)));
                    Map<String, Long> categoryIds = new HashMap<>();
                    rows.getItem2().forEach(row -> categoryIds.put(row.getString("slug"), row.getLong("id")));
                    return new Catalogue(Map.copyOf(technologies), Map.copyOf(categoryIds));
                }));
    }

    private record Catalogue(Map<String, TechnologyRef> technologies, Map<String, Long> categoryIds) {
    }

    /** The stored /score body of a technology in a quarter, as JSON text. */
    public Uni<String> scoreJson(ScoringMethod method, long technologyId, Quarter quarter) {
        return pool.preparedQuery("select detail from score where method_version = $1 and technology_id = $2 and quarter = $3")
                .execute(Tuple.of(method.version(), technologyId, quarter.start()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** A category's stored ranking by trend score, or the overall one when categoryId is null. */
    public Uni<List<RankingItem>> ranking(ScoringMethod method, Long categoryId, Quarter quarter) {
        String query = categoryId == null
                ? ITEM_COLUMNS + " where s.method_version = $1 and s.quarter = $2 order by s.overall_rank nulls last, t.slug"
                : ITEM_COLUMNS + " where s.method_version = $1 and s.quarter = $2 and s.category_id = $3"
                        + " order by s.rank nulls last, t.slug";
        Tuple parameters = categoryId == null ? Tuple.of(method.version(), quarter.start())
                : Tuple.of(method.version(), quarter.start(), categoryId);
        return pool.preparedQuery(query).execute(parameters)
                .map(rows -> Rows.map(rows, row -> item(row, categoryId == null)));
    }

    /** Technologies by momentum, fastest first (rising) or last (fading); low confidence only when asked. */
    public Uni<List<RankingItem>> movers(ScoringMethod method, Quarter quarter, Long categoryId, boolean rising,
            boolean includeLowConfidence, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(method.version(), quarter.start()));
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

    public Uni<List<Views.HistoryPoint>> history(ScoringMethod method, long technologyId, Quarter upTo) {
        return pool.preparedQuery("""
                        select quarter, popularity, momentum, momentum_pct, trend_score, rank, stage, coverage, confidence
                        from score where method_version = $1 and technology_id = $2 and quarter <= $3 order by quarter""")
                .execute(Tuple.of(method.version(), technologyId, upTo.start()))
                .map(rows -> Rows.map(rows, row -> new Views.HistoryPoint(
                        Quarter.of(row.getLocalDate("quarter")).toString(), row.getDouble("popularity"),
                        row.getDouble("momentum"), row.getDouble("momentum_pct"), row.getDouble("trend_score"),
                        row.getInteger("rank"), row.getString("stage"), row.getDouble("coverage"),
                        row.getString("confidence"))));
    }

    /** The stored trend scores of a category's technologies from one quarter to another (the category index). */
    public Uni<Map<String, Map<Quarter, Double>>> trendScores(ScoringMethod method, long categoryId, Quarter from,
            Quarter to) {
        return pool.preparedQuery("""
                        select t.slug, s.quarter, s.trend_score from score s join technology t on t.id = s.technology_id
                        where s.method_version = $1 and s.category_id = $2 and s.quarter between $3 and $4""")
                .execute(Tuple.of(method.version(), categoryId, from.start(), to.start()))
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
        return cache.loaded("attributions", () -> attributionsFrom(pool));
    }

    /** Attribution of each signal's source, read through any client (the pool, or a recompute's transaction). */
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

    /**
     * Every observation as the scoring methods take it: with its signal's publication lag and whether a series break
     * starts at it. Read through a cursor inside the caller's transaction (the recompute's snapshot), a batch at a
     * time: decoding and mapping millions of rows at once held the event loop for seconds (bench/scale).
     */
    static Uni<List<Observation>> observationsFrom(SqlConnection connection) {
        Map<String, String> canonical = new HashMap<>(); // one String per slug and signal key, not two per row
        return connection.prepare("""
                        select t.slug, o.signal_key, o.granularity, o.period_start, o.value, g.publication_lag_months,
                          b.period_start is not null as starts_new_series
                        from observation o join technology t on t.id = o.technology_id
                          join signal g on g.key = o.signal_key
                          left join series_break b on b.signal_key = o.signal_key
                            and b.technology_id = o.technology_id and b.period_start = o.period_start""")
                .onItem().transformToMulti(statement -> statement.createStream(OBSERVATION_BATCH).toMulti())
                .map(row -> new Observation(canonical.computeIfAbsent(row.getString("signal_key"), key -> key),
                        canonical.computeIfAbsent(row.getString("slug"), slug -> slug),
                        row.getLocalDate("period_start"), Granularity.of(row.getString("granularity")),
                        row.getDouble("value"), row.getInteger("publication_lag_months"),
                        row.getBoolean("starts_new_series")))
                .collect().asList();
    }

    /** Rows a cursor fetches at a time: a few milliseconds of the event loop each. */
    private static final int OBSERVATION_BATCH = 5_000;

    /** Every category's technologies, by category slug. */
    Uni<Map<String, Set<String>>> technologiesByCategorySlug() {
        return pool.preparedQuery(TECHNOLOGY_COLUMNS).execute().map(rows -> {
            Map<String, Set<String>> byCategory = new TreeMap<>();
            rows.forEach(row -> byCategory.computeIfAbsent(row.getString("category"), c -> new TreeSet<>())
                    .add(row.getString("slug")));
            return byCategory;
        });
    }

    Uni<List<Observation>> observations() {
        return pool.withTransaction(ScoreRepository::observationsFrom);
    }

    /** The keys of every signal in the catalogue: what weights may name. */
    public Uni<Set<String>> signalKeys() {
        return cache.loaded("signal-keys", () -> pool.preparedQuery("select key from signal").execute()
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(row -> keys.add(row.getString(0)));
                    return Set.copyOf(keys);
                }));
    }

    /**
     * Every stored component of a method with every technology, for answers with custom weights: a few thousand
     * records, loaded once per data version, so that custom weights cost computation only.
     */
    public Uni<ComponentSet> components(ScoringMethod method) {
        return cache.loaded("components-" + method.version(), () -> loadComponents(method));
    }

    private Uni<ComponentSet> loadComponents(ScoringMethod method) {
        Uni<List<TechnologyRef>> technologies = catalogue().map(catalogue -> catalogue.technologies().values()
                .stream().sorted(Comparator.comparing(TechnologyRef::slug)).toList());
        Uni<List<Row>> componentRows = pool.preparedQuery("""
                        select sc.category_id, t.slug, sc.signal_key, sc.quarter, sc.data_quarter, sc.share, sc.level,
                          sc.normalised_level, sc.growth, sc.level_basis, sc.anchored_level, sc.anchored_normalised_level
                        from score_component sc join technology t on t.id = sc.technology_id
                        where sc.method_version = $1""")
                .execute(Tuple.of(method.version()))
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
            Map<ViewMapper.ShareKey, Double> shares = new HashMap<>();
            for (Row row : all.getItem2()) {
                Quarter dataQuarter = Quarter.of(row.getLocalDate("data_quarter"));
                Quarter quarter = Quarter.of(row.getLocalDate("quarter"));
                components.computeIfAbsent(row.getLong("category_id"), id -> new TreeMap<>())
                        .computeIfAbsent(quarter, q -> new ArrayList<>())
                        .add(new SignalComponent(row.getString("signal_key"), row.getString("slug"), quarter,
                                dataQuarter, row.getDouble("level"), row.getDouble("normalised_level"),
                                row.getDouble("growth"), row.getDouble("anchored_level"),
                                row.getDouble("anchored_normalised_level"), LevelBasis.of(row.getString("level_basis"))));
                shares.put(new ViewMapper.ShareKey(row.getString("slug"), row.getString("signal_key"),
                        dataQuarter), row.getDouble("share"));
            }
            return new ComponentSet(byCategory, components,
                    new ViewMapper.Context(names, categories, all.getItem3(), shares));
        });
    }

    static TechnologyRef technologyRef(Row row) {
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
