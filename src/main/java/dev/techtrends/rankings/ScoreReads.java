package dev.techtrends.rankings;

import dev.techtrends.scoring.MethodV1;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.SignalComponent;
import dev.techtrends.web.NotFoundProblem;
import dev.techtrends.web.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads of stored scores and components, as hand-written SQL over the reactive pool. */
@ApplicationScoped
public class ScoreReads {

    /** A technology as the read side needs it. */
    public record TechnologyRef(long id, String slug, String name, long categoryId, String category) {
    }

    /** The stored components of some categories, with what the views need to show them. */
    public record ComponentSet(Map<Long, TreeSet<String>> technologiesByCategory,
            Map<Long, List<SignalComponent>> componentsByCategory, ScoreViews.Context context) {

        public List<SignalComponent> of(long categoryId) {
            return componentsByCategory.getOrDefault(categoryId, List.of());
        }
    }

    private static final String ITEM_COLUMNS = """
            select t.slug, t.name, c.slug as category, s.popularity, s.momentum, s.momentum_pct, s.trend_score,
              s.trend_score_delta, s.stage, s.coverage, s.confidence, s.rank, s.rank_change,
              s.overall_rank, s.overall_rank_change
            from score s join technology t on t.id = s.technology_id join category c on c.id = s.category_id
            """;

    private final Pool pool;

    public ScoreReads(Pool pool) {
        this.pool = pool;
    }

    public Uni<ScoreRun> run() {
        return pool.preparedQuery("select first_quarter, as_of, data_version from score_run where method_version = $1")
                .execute(Tuple.of(MethodV1.VERSION))
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
        return pool.preparedQuery("""
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
     * Stored components of the given categories (all when null) in the given quarters (all when null), with every
     * technology of those categories, for answers with custom weights.
     */
    public Uni<ComponentSet> components(Long categoryId, List<Quarter> quarters) {
        Uni<List<TechnologyRef>> technologies = pool.preparedQuery("""
                        select t.id, t.slug, t.name, t.category_id, c.slug as category
                        from technology t join category c on c.id = t.category_id
                        where $1::bigint is null or t.category_id = $1""")
                .execute(Tuple.of(categoryId))
                .map(rows -> Rows.map(rows, ScoreReads::technologyRef));
        List<Object> parameters = new ArrayList<>(List.of(MethodV1.VERSION));
        StringBuilder query = new StringBuilder("""
                select sc.category_id, t.slug, sc.signal_key, sc.quarter, sc.data_quarter, sc.share, sc.level, sc.normalised_level,
                  sc.growth
                from score_component sc join technology t on t.id = sc.technology_id
                where sc.method_version = $1""");
        if (categoryId != null) {
            parameters.add(categoryId);
            query.append(" and sc.category_id = $").append(parameters.size());
        }
        if (quarters != null) {
            parameters.add(quarters.stream().map(Quarter::start).toArray(LocalDate[]::new));
            query.append(" and sc.quarter = any($").append(parameters.size()).append(")");
        }
        Uni<List<Row>> componentRows = pool.preparedQuery(query.toString()).execute(Tuple.from(parameters))
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
            Map<Long, List<SignalComponent>> components = new HashMap<>();
            Map<String, Double> shares = new HashMap<>();
            for (Row row : all.getItem2()) {
                Quarter dataQuarter = Quarter.of(row.getLocalDate("data_quarter"));
                components.computeIfAbsent(row.getLong("category_id"), id -> new ArrayList<>()).add(new SignalComponent(row.getString("signal_key"), row.getString("slug"),
                        Quarter.of(row.getLocalDate("quarter")), dataQuarter, row.getDouble("level"),
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
