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
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Writes a recompute's results: a category's rows as bulk statements of a few thousand rows (their parameters built on
 * the worker thread: building them for 500,000 components held the event loop for seconds), then per method the ranks
 * across categories and the run's record.
 */
final class ScoreWriter {

    private ScoreWriter() {
    }

    /** One category's results as statement parameters; CPU work, for a worker thread. */
    static CategoryRows rows(ScoringMethod method, CategoryScores category, Map<String, TechnologyRef> bySlug,
            ViewMapper.Context context) {
        long categoryId = category.categoryId();
        StoredRows rows = new StoredRows(method);
        for (SignalComponent component : category.components()) {
            rows.addComponent(categoryId, bySlug.get(component.technology()).id(), component,
                    context.shareByComponent().get(new ViewMapper.ShareKey(component.technology(),
                            component.signal(), component.dataQuarter())));
        }
        for (Ranking.Entry entry : category.scores()) {
            rows.addScore(categoryId, bySlug.get(entry.technology()).id(), entry);
        }
        return rows.statements(category.technologies().stream().map(TechnologyRef::id).toArray(Long[]::new),
                category.firstQuarter(), category.lastQuarter());
    }

    /** Rows per statement: encoding a statement's parameters runs on the event loop, so none may be large. */
    private static final int COMPONENTS_PER_STATEMENT = 5_000;
    private static final int SCORES_PER_STATEMENT = 500;

    /**
     * One category's rows of a method, a few thousand per statement. Components are replaced (small rows, no JSON).
     * Scores are upserted, skipping unchanged rows: new data changes few stored quarters, and rewriting all of them
     * with their JSON cost PostgreSQL most of a recompute; then the rows no longer computed go, which are exactly
     * those outside the category's technologies and scored quarters (every technology is scored in every quarter).
     */
    static Uni<Void> write(SqlConnection connection, CategoryRows rows, long categoryId) {
        Uni<Void> chain = connection
                .preparedQuery("delete from score_component where method_version = $1 and category_id = $2")
                .execute(Tuple.of(rows.version(), categoryId)).replaceWithVoid();
        for (Tuple components : rows.components()) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            insert into score_component (method_version, category_id, quarter, technology_id,
                              signal_key, data_quarter, share, level, normalised_level, growth, level_basis,
                              anchored_level, anchored_normalised_level, trend, trend_error, trend_from, trend_to,
                              trend_points)
                            select $1::varchar, * from unnest($2::bigint[], $3::date[], $4::bigint[], $5::text[],
                              $6::date[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[],
                              $12::float8[], $13::float8[], $14::float8[], $15::float8[], $16::date[], $17::date[],
                              $18::int[])""")
                    .execute(components).replaceWithVoid());
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
     * held the event loop for seconds), with what identifies its stale score rows.
     */
    record CategoryRows(String version, List<Tuple> components, List<Tuple> scores, Long[] technologyIds,
            Quarter firstQuarter, Quarter lastQuarter, int componentCount, int scoreCount) {
    }

    /** Column arrays for the two bulk inserts (one unnest statement each instead of thousands of rows). */
    private static final class StoredRows {
        final String version;
        final List<Long> componentCategory = new ArrayList<>();
        final List<LocalDate> componentQuarter = new ArrayList<>();
        final List<Long> componentTechnology = new ArrayList<>();
        final List<String> componentSignal = new ArrayList<>();
        final List<LocalDate> componentDataQuarter = new ArrayList<>();
        final List<Double> componentShare = new ArrayList<>();
        final List<Double> componentLevel = new ArrayList<>();
        final List<Double> componentNormalised = new ArrayList<>();
        final List<Double> componentGrowth = new ArrayList<>();
        final List<String> componentBasis = new ArrayList<>();
        final List<Double> componentAnchored = new ArrayList<>();
        final List<Double> componentAnchoredNormalised = new ArrayList<>();
        final List<Double> componentTrend = new ArrayList<>();
        final List<Double> componentTrendError = new ArrayList<>();
        final List<LocalDate> componentTrendFrom = new ArrayList<>();
        final List<LocalDate> componentTrendTo = new ArrayList<>();
        final List<Integer> componentTrendPoints = new ArrayList<>();

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

        StoredRows(ScoringMethod method) {
            this.version = method.version();
        }

        void addComponent(long categoryId, long technologyId, SignalComponent component, Double share) {
            componentCategory.add(categoryId);
            componentQuarter.add(component.quarter().start());
            componentTechnology.add(technologyId);
            componentSignal.add(component.signal());
            componentDataQuarter.add(component.dataQuarter().start());
            componentShare.add(share);
            componentLevel.add(component.level());
            componentNormalised.add(component.normalisedLevel());
            componentGrowth.add(component.growth());
            componentBasis.add(component.basis().label());
            componentAnchored.add(component.anchoredLevel());
            componentAnchoredNormalised.add(component.anchoredNormalisedLevel());
            LogTrend trend = component.trend();
            componentTrend.add(trend == null ? null : trend.slope());
            componentTrendError.add(trend == null ? null : trend.standardError());
            componentTrendFrom.add(trend == null ? null : trend.from().start());
            componentTrendTo.add(trend == null ? null : trend.to().start());
            componentTrendPoints.add(trend == null ? null : trend.points());
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
        CategoryRows statements(Long[] technologyIds, Quarter firstQuarter, Quarter lastQuarter) {
            return new CategoryRows(version, componentTuples(COMPONENTS_PER_STATEMENT),
                    scoreTuples(SCORES_PER_STATEMENT), technologyIds, firstQuarter, lastQuarter, componentCount(),
                    scoreCount());
        }

        /** The component columns, at most {@code size} rows per tuple. */
        List<Tuple> componentTuples(int size) {
            return chunks(componentCount(), size, (from, to) -> new Object[] {version,
                    componentCategory.subList(from, to).toArray(Long[]::new),
                    componentQuarter.subList(from, to).toArray(LocalDate[]::new),
                    componentTechnology.subList(from, to).toArray(Long[]::new),
                    componentSignal.subList(from, to).toArray(String[]::new),
                    componentDataQuarter.subList(from, to).toArray(LocalDate[]::new),
                    componentShare.subList(from, to).toArray(Double[]::new),
                    componentLevel.subList(from, to).toArray(Double[]::new),
                    componentNormalised.subList(from, to).toArray(Double[]::new),
                    componentGrowth.subList(from, to).toArray(Double[]::new),
                    componentBasis.subList(from, to).toArray(String[]::new),
                    componentAnchored.subList(from, to).toArray(Double[]::new),
                    componentAnchoredNormalised.subList(from, to).toArray(Double[]::new),
                    componentTrend.subList(from, to).toArray(Double[]::new),
                    componentTrendError.subList(from, to).toArray(Double[]::new),
                    componentTrendFrom.subList(from, to).toArray(LocalDate[]::new),
                    componentTrendTo.subList(from, to).toArray(LocalDate[]::new),
                    componentTrendPoints.subList(from, to).toArray(Integer[]::new)});
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
            return componentCategory.size();
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
