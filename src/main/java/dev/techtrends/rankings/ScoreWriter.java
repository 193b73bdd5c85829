package dev.techtrends.rankings;

import dev.techtrends.catalogue.CatalogueLookup.TechnologyRef;
import dev.techtrends.scoring.LogTrend;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.Ranking;
import dev.techtrends.scoring.Score;
import dev.techtrends.scoring.ScoringMethod;
import dev.techtrends.scoring.SignalComponent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Writes a recompute's results: a category's rows as bulk statements of a few thousand rows (their parameters built on
 * the worker thread: building them for 500,000 components held the event loop for seconds), then per method the ranks
 * across categories and the run's record.
 */
final class ScoreWriter {

    private ScoreWriter() {
    }

    /** What identifies a stored component within a method and category. */
    record ComponentKey(LocalDate quarter, long technologyId, String signal) {
    }

    /** A row of score_component, as stored: what a recompute compares its results with. */
    record ComponentRow(LocalDate quarter, long technologyId, String signal, LocalDate dataQuarter, Double share,
            Double level, Double normalisedLevel, Double growth, String basis, Double anchoredLevel,
            Double anchoredNormalisedLevel, Double trend, Double trendError, LocalDate trendFrom, LocalDate trendTo,
            Integer trendPoints) {

        ComponentKey key() {
            return new ComponentKey(quarter, technologyId, signal);
        }

        static ComponentRow of(long technologyId, SignalComponent component, Double share) {
            LogTrend trend = component.trend();
            return new ComponentRow(component.quarter().start(), technologyId, component.signal(),
                    component.dataQuarter().start(), share, component.level(), component.normalisedLevel(),
                    component.growth(), component.basis().label(), component.anchoredLevel(),
                    component.anchoredNormalisedLevel(), trend == null ? null : trend.slope(),
                    trend == null ? null : trend.standardError(), trend == null ? null : trend.from().start(),
                    trend == null ? null : trend.to().start(), trend == null ? null : trend.points());
        }

        static ComponentRow of(Row row) {
            return new ComponentRow(row.getLocalDate("quarter"), row.getLong("technology_id"),
                    row.getString("signal_key"), row.getLocalDate("data_quarter"), row.getDouble("share"),
                    row.getDouble("level"), row.getDouble("normalised_level"), row.getDouble("growth"),
                    row.getString("level_basis"), row.getDouble("anchored_level"),
                    row.getDouble("anchored_normalised_level"), row.getDouble("trend"), row.getDouble("trend_error"),
                    row.getLocalDate("trend_from"), row.getLocalDate("trend_to"), row.getInteger("trend_points"));
        }
    }

    /** A category's stored components of a method, by key, read inside the recompute's transaction. */
    static Uni<Map<ComponentKey, ComponentRow>> storedComponents(SqlConnection connection, ScoringMethod method,
            long categoryId) {
        return connection.preparedQuery("""
                        select quarter, technology_id, signal_key, data_quarter, share, level, normalised_level, growth,
                          level_basis, anchored_level, anchored_normalised_level, trend, trend_error, trend_from,
                          trend_to, trend_points
                        from score_component where method_version = $1 and category_id = $2""")
                .execute(Tuple.of(method.version(), categoryId))
                .map(rows -> {
                    Map<ComponentKey, ComponentRow> stored = new HashMap<>(rows.size() * 2);
                    for (Row row : rows) {
                        ComponentRow component = ComponentRow.of(row);
                        stored.put(component.key(), component);
                    }
                    return stored;
                });
    }

    /**
     * One category's components as statement parameters, against what is stored: only new or changed components are
     * written and only vanished ones deleted, since new data changes few of them; CPU work, for a worker thread.
     *
     * @param stored the category's stored components (emptied: what is left of them is what vanished)
     */
    static StoredRows components(ScoringMethod method, long categoryId, List<SignalComponent> components,
            Map<String, TechnologyRef> bySlug, ViewMapper.Context context, Map<ComponentKey, ComponentRow> stored) {
        StoredRows rows = new StoredRows(method, categoryId);
        for (SignalComponent component : components) {
            ComponentRow row = ComponentRow.of(bySlug.get(component.technology()).id(), component,
                    context.shareByComponent().get(new ViewMapper.ShareKey(component.technology(),
                            component.signal(), component.dataQuarter())));
            if (!row.equals(stored.remove(row.key()))) {
                rows.components.add(row);
            }
        }
        rows.vanished.addAll(stored.keySet());
        return rows;
    }

    /** Rows per statement: encoding a statement's parameters runs on the event loop, so none may be large. */
    private static final int COMPONENTS_PER_STATEMENT = 5_000;
    private static final int SCORES_PER_STATEMENT = 500;

    /**
     * One category's rows of a method, a few thousand per statement. Components: the vanished deleted, the new and
     * changed upserted (a full rewrite was most of a recompute's writes). Scores are upserted, skipping unchanged
     * rows: new data changes few stored quarters; then the rows no longer computed go, which are exactly those outside
     * the category's technologies and scored quarters (every technology is scored in every quarter).
     */
    static Uni<Void> write(SqlConnection connection, CategoryRows rows, long categoryId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Tuple vanished : rows.vanishedComponents()) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            delete from score_component c
                            using unnest($3::date[], $4::bigint[], $5::text[]) as v (quarter, technology_id, signal_key)
                            where c.method_version = $1 and c.category_id = $2 and c.quarter = v.quarter
                              and c.technology_id = v.technology_id and c.signal_key = v.signal_key""")
                    .execute(vanished).replaceWithVoid());
        }
        for (Tuple components : rows.components()) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            insert into score_component (method_version, category_id, quarter, technology_id,
                              signal_key, data_quarter, share, level, normalised_level, growth, level_basis,
                              anchored_level, anchored_normalised_level, trend, trend_error, trend_from, trend_to,
                              trend_points)
                            select $1::varchar, $2::bigint, * from unnest($3::date[], $4::bigint[], $5::text[],
                              $6::date[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[],
                              $12::float8[], $13::float8[], $14::float8[], $15::float8[], $16::date[], $17::date[],
                              $18::int[])
                            on conflict (method_version, category_id, quarter, technology_id, signal_key) do update
                              set data_quarter = excluded.data_quarter, share = excluded.share,
                                level = excluded.level, normalised_level = excluded.normalised_level,
                                growth = excluded.growth, level_basis = excluded.level_basis,
                                anchored_level = excluded.anchored_level,
                                anchored_normalised_level = excluded.anchored_normalised_level,
                                trend = excluded.trend, trend_error = excluded.trend_error,
                                trend_from = excluded.trend_from, trend_to = excluded.trend_to,
                                trend_points = excluded.trend_points""")
                    .execute(components).replaceWithVoid());
        }
        if (rows.technologyIds() == null) {
            return chain; // its components came out as stored, so its scores did too
        }
        for (Tuple scores : rows.scores()) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            insert into score (method_version, category_id, technology_id, quarter, popularity, momentum,
                              momentum_pct, trend_score, trend_score_delta, coverage, confidence, stage, rank,
                              rank_change, direction, recent_change_pct, tier, rank_best, rank_worst,
                              popularity_low, popularity_high, momentum_low, momentum_high, trend_score_low,
                              trend_score_high)
                            select $1::varchar, c, t, q, p, m, mp, ts, tsd, cov, conf, st, r, rc, dir, rcp, ti, rb,
                              rw, pl, ph, ml, mh, tl, th
                            from unnest($2::bigint[], $3::bigint[], $4::date[], $5::float8[], $6::float8[],
                              $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::text[],
                              $13::int[], $14::int[], $15::text[], $16::float8[], $17::int[], $18::int[],
                              $19::int[], $20::float8[], $21::float8[], $22::float8[], $23::float8[], $24::float8[],
                              $25::float8[])
                              as u (c, t, q, p, m, mp, ts, tsd, cov, conf, st, r, rc, dir, rcp, ti, rb, rw, pl, ph,
                                ml, mh, tl, th)
                            on conflict (method_version, technology_id, quarter) do update
                              set category_id = excluded.category_id, popularity = excluded.popularity,
                                momentum = excluded.momentum, momentum_pct = excluded.momentum_pct,
                                trend_score = excluded.trend_score, trend_score_delta = excluded.trend_score_delta,
                                coverage = excluded.coverage, confidence = excluded.confidence,
                                stage = excluded.stage, rank = excluded.rank, rank_change = excluded.rank_change,
                                direction = excluded.direction,
                                recent_change_pct = excluded.recent_change_pct, tier = excluded.tier,
                                rank_best = excluded.rank_best, rank_worst = excluded.rank_worst,
                                popularity_low = excluded.popularity_low, popularity_high = excluded.popularity_high,
                                momentum_low = excluded.momentum_low, momentum_high = excluded.momentum_high,
                                trend_score_low = excluded.trend_score_low, trend_score_high = excluded.trend_score_high
                              where (score.category_id, score.popularity, score.momentum, score.momentum_pct,
                                  score.trend_score, score.trend_score_delta, score.coverage, score.confidence,
                                  score.stage, score.rank, score.rank_change, score.direction,
                                  score.recent_change_pct, score.tier, score.rank_best, score.rank_worst,
                                  score.popularity_low, score.popularity_high, score.momentum_low,
                                  score.momentum_high, score.trend_score_low, score.trend_score_high)
                                is distinct from (excluded.category_id, excluded.popularity, excluded.momentum,
                                  excluded.momentum_pct, excluded.trend_score, excluded.trend_score_delta,
                                  excluded.coverage, excluded.confidence, excluded.stage, excluded.rank,
                                  excluded.rank_change, excluded.direction, excluded.recent_change_pct,
                                  excluded.tier, excluded.rank_best, excluded.rank_worst, excluded.popularity_low,
                                  excluded.popularity_high, excluded.momentum_low, excluded.momentum_high,
                                  excluded.trend_score_low, excluded.trend_score_high)""")
                    .execute(scores).replaceWithVoid());
        }
        return chain.chain(() -> connection.preparedQuery("""
                        delete from score
                        where method_version = $1 and category_id = $2
                          and (quarter < $3 or quarter > $4 or not technology_id = any($5))""")
                .execute(Tuple.of(rows.version(), categoryId, rows.firstQuarter().start(),
                        rows.lastQuarter().start(), rows.technologyIds()))
                .replaceWithVoid());
    }

    /** After all of a method's categories: the ranks across categories and the run's record. */
    static Uni<Void> finish(SqlConnection connection, Vertx vertx, ScoringMethod method, Quarter asOf, long dataVersion,
            long started) {
        String version = method.version();
        // One pass of window functions instead of a self-join.
        return connection.preparedQuery("""
                                with ranked as (
                                  select technology_id, quarter,
                                    case when trend_score is null then null
                                         else rank() over (partition by quarter order by trend_score desc nulls last) end as r
                                  from score where method_version = $1),
                                changed as (
                                  select technology_id, quarter, r,
                                    case when lag(quarter) over history = (quarter - interval '3 months')::date
                                         then lag(r) over history - r end as change
                                  from ranked
                                  window history as (partition by technology_id order by quarter))
                                update score s set overall_rank = changed.r, overall_rank_change = changed.change
                                from changed
                                where s.method_version = $1 and s.technology_id = changed.technology_id
                                  and s.quarter = changed.quarter
                                  and (s.overall_rank, s.overall_rank_change) is distinct from (changed.r, changed.change)""")
                        .execute(Tuple.of(version))
                .chain(() -> overallPlacings(connection, vertx, version))
                .chain(() -> connection.preparedQuery("""
                                insert into score_run (method_version, data_version, first_quarter, as_of, computed_at,
                                  duration_ms, method_revision)
                                select $1::varchar, $3::bigint, min(s.quarter), $2::date, now(), $4::int, $5::varchar
                                from score s where s.method_version = $1::varchar
                                on conflict (method_version) do update set data_version = excluded.data_version,
                                  first_quarter = excluded.first_quarter, as_of = excluded.as_of,
                                  computed_at = excluded.computed_at, duration_ms = excluded.duration_ms,
                                  method_revision = excluded.method_revision""")
                        .execute(Tuple.of(version, asOf.start(), dataVersion,
                                (int) ((System.nanoTime() - started) / 1_000_000), storedRevision(method))))
                .replaceWithVoid();
    }

    /**
     * Tiers and rank ranges across categories, placed as a category's are ({@link Ranking#placingsInOrder}), for a
     * method whose trend scores have intervals.
     */
    private static Uni<Void> overallPlacings(SqlConnection connection, Vertx vertx, String version) {
        return connection.preparedQuery("""
                        update score set overall_tier = null, overall_rank_best = null, overall_rank_worst = null
                        where method_version = $1 and (trend_score is null or trend_score_low is null)
                          and overall_tier is not null""")
                .execute(Tuple.of(version))
                .chain(() -> connection.preparedQuery("""
                                select s.technology_id, s.quarter, s.trend_score_low, s.trend_score_high
                                from score s join technology t on t.id = s.technology_id
                                where s.method_version = $1 and s.trend_score is not null
                                  and s.trend_score_low is not null
                                order by s.quarter, s.trend_score desc, t.slug""")
                        .execute(Tuple.of(version)))
                .chain(rows -> vertx.executeBlocking(() -> placingTuples(version, rows), false))
                .chain(tuples -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Tuple tuple : tuples) {
                        chain = chain.chain(() -> connection.preparedQuery("""
                                        update score s set overall_tier = u.tier, overall_rank_best = u.best,
                                          overall_rank_worst = u.worst
                                        from unnest($2::bigint[], $3::date[], $4::int[], $5::int[], $6::int[])
                                          as u (technology_id, quarter, tier, best, worst)
                                        where s.method_version = $1 and s.technology_id = u.technology_id
                                          and s.quarter = u.quarter
                                          and (s.overall_tier, s.overall_rank_best, s.overall_rank_worst)
                                            is distinct from (u.tier, u.best, u.worst)""")
                                .execute(tuple).replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** Each quarter's rows, in rank order, placed; as update parameters of a few thousand rows each. */
    private static List<Tuple> placingTuples(String version, RowSet<Row> rows) {
        List<Long> technologies = new ArrayList<>();
        List<LocalDate> quarters = new ArrayList<>();
        List<Integer> tiers = new ArrayList<>();
        List<Integer> best = new ArrayList<>();
        List<Integer> worst = new ArrayList<>();
        List<Score.Interval> ofQuarter = new ArrayList<>();
        LocalDate quarter = null;
        for (Row row : rows) {
            if (!row.getLocalDate(1).equals(quarter)) {
                place(ofQuarter, tiers, best, worst);
                quarter = row.getLocalDate(1);
            }
            technologies.add(row.getLong(0));
            quarters.add(quarter);
            ofQuarter.add(new Score.Interval(row.getDouble(2), row.getDouble(3)));
        }
        place(ofQuarter, tiers, best, worst);
        return StoredRows.chunks(technologies.size(), COMPONENTS_PER_STATEMENT, (from, to) -> new Object[] {version,
                technologies.subList(from, to).toArray(Long[]::new),
                quarters.subList(from, to).toArray(LocalDate[]::new),
                tiers.subList(from, to).toArray(Integer[]::new),
                best.subList(from, to).toArray(Integer[]::new),
                worst.subList(from, to).toArray(Integer[]::new)});
    }

    private static void place(List<Score.Interval> ofQuarter, List<Integer> tiers, List<Integer> best,
            List<Integer> worst) {
        for (Ranking.Placing placing : Ranking.placingsInOrder(ofQuarter)) {
            tiers.add(placing.tier());
            best.add(placing.rankRange().best());
            worst.add(placing.rankRange().worst());
        }
        ofQuarter.clear();
    }

    /**
     * One category's rows as statement parameters, built on the worker thread (building them for 500,000 components
     * held the event loop for seconds), with what identifies its stale score rows; technologyIds and the quarters are
     * null when its scores are not written.
     */
    record CategoryRows(String version, List<Tuple> vanishedComponents, List<Tuple> components, List<Tuple> scores,
            Long[] technologyIds, Quarter firstQuarter, Quarter lastQuarter, int componentCount, int scoreCount) {
    }

    /** Column arrays for the two bulk inserts (one unnest statement each instead of thousands of rows). */
    static final class StoredRows {
        final String version;
        final long categoryId;
        /** The new and changed components. */
        final List<ComponentRow> components = new ArrayList<>();
        /** The stored components no longer computed. */
        final List<ComponentKey> vanished = new ArrayList<>();

        final List<Long> scoreCategory = new ArrayList<>();
        final List<Long> scoreTechnology = new ArrayList<>();
        final List<LocalDate> scoreQuarter = new ArrayList<>();
        final List<Double> popularity = new ArrayList<>();
        final List<Double> momentum = new ArrayList<>();
        final List<Double> momentumPct = new ArrayList<>();
        final List<Double> trendScore = new ArrayList<>();
        final List<Double> trendScoreDelta = new ArrayList<>();
        final List<Double> coverage = new ArrayList<>();
        final List<String> confidence = new ArrayList<>();
        final List<String> stage = new ArrayList<>();
        final List<Integer> rank = new ArrayList<>();
        final List<Integer> rankChange = new ArrayList<>();
        final List<String> direction = new ArrayList<>();
        final List<Double> recentChangePct = new ArrayList<>();
        final List<Integer> tier = new ArrayList<>();
        final List<Integer> rankBest = new ArrayList<>();
        final List<Integer> rankWorst = new ArrayList<>();
        final List<Double> popularityLow = new ArrayList<>();
        final List<Double> popularityHigh = new ArrayList<>();
        final List<Double> momentumLow = new ArrayList<>();
        final List<Double> momentumHigh = new ArrayList<>();
        final List<Double> trendScoreLow = new ArrayList<>();
        final List<Double> trendScoreHigh = new ArrayList<>();

        StoredRows(ScoringMethod method, long categoryId) {
            this.version = method.version();
            this.categoryId = categoryId;
        }

        void addScore(long categoryId, long technologyId, Ranking.Entry entry) {
            Score score = entry.score();
            scoreCategory.add(categoryId);
            scoreTechnology.add(technologyId);
            scoreQuarter.add(score.quarter().start());
            popularity.add(score.popularity());
            momentum.add(score.momentum());
            momentumPct.add(score.momentumPct());
            trendScore.add(score.trendScore());
            trendScoreDelta.add(entry.sincePreviousQuarter().trendScoreDelta());
            coverage.add(score.coverage());
            confidence.add(score.confidence().label());
            stage.add(score.stage() == null ? null : score.stage().label());
            rank.add(entry.rank());
            rankChange.add(entry.sincePreviousQuarter().rankChange());
            direction.add(score.direction() == null ? null : score.direction().label());
            recentChangePct.add(Figures.round(Score.percent(score.recentChange())));
            Ranking.Placing placing = entry.placing();
            tier.add(placing == null ? null : placing.tier());
            rankBest.add(placing == null ? null : placing.rankRange().best());
            rankWorst.add(placing == null ? null : placing.rankRange().worst());
            Score.Intervals intervals = score.intervals();
            addInterval(intervals == null ? null : intervals.popularity(), popularityLow, popularityHigh);
            addInterval(intervals == null ? null : intervals.momentum(), momentumLow, momentumHigh);
            addInterval(intervals == null ? null : intervals.trendScore(), trendScoreLow, trendScoreHigh);
        }

        private static void addInterval(Score.Interval interval, List<Double> lows, List<Double> highs) {
            lows.add(interval == null ? null : interval.low());
            highs.add(interval == null ? null : interval.high());
        }

        /** With the category's technologies and the quarters scored: every score row outside them is stale. */
        /** Whether every component came out as stored. */
        boolean componentsUnchanged() {
            return components.isEmpty() && vanished.isEmpty();
        }

        /** The category's components only: its scores are as stored. */
        CategoryRows statements() {
            return new CategoryRows(version, vanishedTuples(COMPONENTS_PER_STATEMENT),
                    componentTuples(COMPONENTS_PER_STATEMENT), List.of(), null, null, null, componentCount(), 0);
        }

        /** With its scores: every technology of the category in every quarter scored; every score row outside is stale. */
        CategoryRows statements(CategoryScores category, Map<String, TechnologyRef> bySlug) {
            for (Ranking.Entry entry : category.scores()) {
                addScore(categoryId, bySlug.get(entry.technology()).id(), entry);
            }
            return new CategoryRows(version, vanishedTuples(COMPONENTS_PER_STATEMENT),
                    componentTuples(COMPONENTS_PER_STATEMENT), scoreTuples(SCORES_PER_STATEMENT),
                    category.technologies().stream().map(TechnologyRef::id).toArray(Long[]::new),
                    category.firstQuarter(), category.lastQuarter(), componentCount(), scoreCount());
        }

        /** The new and changed components' columns, at most {@code size} rows per tuple. */
        List<Tuple> componentTuples(int size) {
            return chunks(components.size(), size, (from, to) -> {
                List<ComponentRow> chunk = components.subList(from, to);
                return new Object[] {version, categoryId,
                        column(chunk, ComponentRow::quarter, LocalDate[]::new),
                        column(chunk, ComponentRow::technologyId, Long[]::new),
                        column(chunk, ComponentRow::signal, String[]::new),
                        column(chunk, ComponentRow::dataQuarter, LocalDate[]::new),
                        column(chunk, ComponentRow::share, Double[]::new),
                        column(chunk, ComponentRow::level, Double[]::new),
                        column(chunk, ComponentRow::normalisedLevel, Double[]::new),
                        column(chunk, ComponentRow::growth, Double[]::new),
                        column(chunk, ComponentRow::basis, String[]::new),
                        column(chunk, ComponentRow::anchoredLevel, Double[]::new),
                        column(chunk, ComponentRow::anchoredNormalisedLevel, Double[]::new),
                        column(chunk, ComponentRow::trend, Double[]::new),
                        column(chunk, ComponentRow::trendError, Double[]::new),
                        column(chunk, ComponentRow::trendFrom, LocalDate[]::new),
                        column(chunk, ComponentRow::trendTo, LocalDate[]::new),
                        column(chunk, ComponentRow::trendPoints, Integer[]::new)};
            });
        }

        /** The vanished components' keys, at most {@code size} per tuple. */
        List<Tuple> vanishedTuples(int size) {
            return chunks(vanished.size(), size, (from, to) -> {
                List<ComponentKey> chunk = vanished.subList(from, to);
                return new Object[] {version, categoryId, column(chunk, ComponentKey::quarter, LocalDate[]::new),
                        column(chunk, ComponentKey::technologyId, Long[]::new),
                        column(chunk, ComponentKey::signal, String[]::new)};
            });
        }

        private static <R, T> T[] column(List<R> rows, Function<R, T> field, IntFunction<T[]> array) {
            T[] values = array.apply(rows.size());
            for (int i = 0; i < values.length; i++) {
                values[i] = field.apply(rows.get(i));
            }
            return values;
        }

        /** The score columns, at most {@code size} rows per tuple. */
        List<Tuple> scoreTuples(int size) {
            return chunks(scoreCount(), size, (from, to) -> new Object[] {version,
                    scoreCategory.subList(from, to).toArray(Long[]::new),
                    scoreTechnology.subList(from, to).toArray(Long[]::new),
                    scoreQuarter.subList(from, to).toArray(LocalDate[]::new),
                    popularity.subList(from, to).toArray(Double[]::new),
                    momentum.subList(from, to).toArray(Double[]::new),
                    momentumPct.subList(from, to).toArray(Double[]::new),
                    trendScore.subList(from, to).toArray(Double[]::new),
                    trendScoreDelta.subList(from, to).toArray(Double[]::new),
                    coverage.subList(from, to).toArray(Double[]::new),
                    confidence.subList(from, to).toArray(String[]::new),
                    stage.subList(from, to).toArray(String[]::new),
                    rank.subList(from, to).toArray(Integer[]::new),
                    rankChange.subList(from, to).toArray(Integer[]::new),
                    direction.subList(from, to).toArray(String[]::new),
                    recentChangePct.subList(from, to).toArray(Double[]::new),
                    tier.subList(from, to).toArray(Integer[]::new),
                    rankBest.subList(from, to).toArray(Integer[]::new),
                    rankWorst.subList(from, to).toArray(Integer[]::new),
                    popularityLow.subList(from, to).toArray(Double[]::new),
                    popularityHigh.subList(from, to).toArray(Double[]::new),
                    momentumLow.subList(from, to).toArray(Double[]::new),
                    momentumHigh.subList(from, to).toArray(Double[]::new),
                    trendScoreLow.subList(from, to).toArray(Double[]::new),
                    trendScoreHigh.subList(from, to).toArray(Double[]::new)});
        }

        static List<Tuple> chunks(int rows, int size, BiFunction<Integer, Integer, Object[]> columns) {
            List<Tuple> tuples = new ArrayList<>();
            for (int from = 0; from < rows; from += size) {
                tuples.add(Tuple.from(columns.apply(from, Math.min(from + size, rows))));
            }
            return tuples;
        }

        int componentCount() {
            return components.size();
        }

        int scoreCount() {
            return scoreCategory.size();
        }
    }

    /**
     * What the stored scores were computed and written with: the method's revision, the precision of the published
     * figures and what a row holds (stored rows are served as written, so a change of any rewrites them at the next
     * start).
     */
    static String storedRevision(ScoringMethod method) {
        return method.revision() + "/figures-" + Figures.SIGNIFICANT_DIGITS + "/rows-" + STORED_ROWS;
    }

    /** What a stored row holds: 2 added each score's direction, intervals, rank range and tier, and dropped its answer. */
    private static final int STORED_ROWS = 2;
}
