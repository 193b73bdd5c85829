package dev.techtrends.feeds;

import dev.techtrends.TechTrendsConfig;
import dev.techtrends.catalogue.CatalogueLookup;
import dev.techtrends.database.DatabaseOutages;
import dev.techtrends.discover.BreakoutView;
import dev.techtrends.discover.DiscoverService;
import dev.techtrends.rankings.AfterScoresStored;
import dev.techtrends.rankings.RankingItem;
import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.Views;
import dev.techtrends.scoring.Direction;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.Labels;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.problem.InvalidInputException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what the feeds publish, once per data version of the method-v4 scores: each category's ranking at its newest
 * quarter is compared with the state recorded last ({@link FeedChanges}), and the breakouts of /api/v1/discover's
 * default list with those seen before. The first recording compares with the quarter before, so a new installation's
 * feeds start with the newest quarter's changes. Runs where the scores are stored (after each recompute, and at
 * start for a version not recorded yet); replicas that race are ordered by feed_recorded's row lock.
 */
@ApplicationScoped
public class FeedRecorder implements AfterScoresStored {

    /** The method whose momentum, intervals and tiers the feeds publish. */
    static final String METHOD = "v4";

    /** How many of discover's list count as breakouts. */
    static final int BREAKOUTS = PageRequest.DEFAULT_SIZE;

    private final Pool pool;
    private final RankingService rankings;
    private final CatalogueLookup catalogue;
    private final DiscoverService discover;
    private final DatabaseOutages outages;
    private final Clock clock;
    private final boolean storesScores;

    public FeedRecorder(Pool pool, RankingService rankings, CatalogueLookup catalogue, DiscoverService discover,
            DatabaseOutages outages, Clock clock, TechTrendsConfig config) {
        this.pool = pool;
        this.rankings = rankings;
        this.catalogue = catalogue;
        this.discover = discover;
        this.outages = outages;
        this.clock = clock;
        this.storesScores = config.scores().recomputeAtStart();
    }

    /** After the versions are read at start (priority 3000): a version stored, not recorded (say, after an upgrade). */
    void atStart(@Observes @Priority(3100) StartupEvent event) {
        if (storesScores) {
            scoresStored().subscribe().with(done -> { }, failure -> outages.failed(failure, "recording the feeds"));
        }
    }

    @Override
    public Uni<Void> scoresStored() {
        return pool.query("""
                        select s.data_version, d.version, d.changed_at, f.data_version
                        from score_run s cross join data_version d cross join feed_recorded f
                        where s.method_version = 'v4'""").execute()
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem(); // no v4 scores yet
                    }
                    Row row = rows.iterator().next();
                    long version = row.getLong(0);
                    if (row.getLong(3) >= version) {
                        return Uni.createFrom().voidItem();
                    }
                    // The data version's time when the scores are of the newest data; else now, when they were stored.
                    OffsetDateTime published = row.getLong(1) == version ? row.getOffsetDateTime(2)
                            : clock.instant().atOffset(ZoneOffset.UTC);
                    return record(version, published);
                });
    }

    private Uni<Void> record(long version, OffsetDateTime published) {
        return Uni.combine().all().unis(catalogue.catalogue(), recordedState(), breakouts()).asTuple()
                .chain(loaded -> {
                    CatalogueLookup.Catalogue known = loaded.getItem1();
                    Map<Long, Map<Long, FeedChanges.Place>> recorded = loaded.getItem2();
                    List<Uni<CategoryChanges>> categories = new ArrayList<>();
                    known.categoryIds().forEach((slug, id) -> categories.add(changes(slug, id, known,
                            recorded.get(id))));
                    return (categories.isEmpty() ? Uni.createFrom().item(List.<CategoryChanges>of())
                            : Uni.join().all(categories).andFailFast())
                            .chain(changes -> store(version, published, changes, loaded.getItem3()));
                });
    }

    private record CategoryChanges(long categoryId, String asOf, Map<Long, FeedChanges.Place> now,
            List<FeedChanges.Change> changes, Map<Long, RankingItem> items) {
    }

    /** The category's changes against the state recorded last, or, the first time, against its quarter before. */
    private Uni<CategoryChanges> changes(String slug, long id, CatalogueLookup.Catalogue known,
            Map<Long, FeedChanges.Place> recorded) {
        return places(slug, null, known).chain(now -> {
            if (now.view() == null || now.view().asOf() == null) {
                return Uni.createFrom().item(new CategoryChanges(id, null, Map.of(), List.of(), Map.of()));
            }
            Uni<Map<Long, FeedChanges.Place>> before = recorded != null ? Uni.createFrom().item(recorded)
                    : places(slug, Quarter.parse(now.view().asOf()).minus(1).toString(), known)
                            .map(Placed::places);
            return before.map(then -> new CategoryChanges(id, now.view().asOf(), now.places(),
                    FeedChanges.between(then, now.places()), now.items()));
        });
    }

    private record Placed(Views.RankingView view, Map<Long, FeedChanges.Place> places, Map<Long, RankingItem> items) {
    }

    private Uni<Placed> places(String category, String asOf, CatalogueLookup.Catalogue known) {
        return rankings.ranking(category, ScoreQuery.of(METHOD, asOf), ScoreOrder.TREND, PageRequest.MAX_SIZE)
                .map(view -> {
                    Map<Long, FeedChanges.Place> places = new HashMap<>();
                    Map<Long, RankingItem> items = new HashMap<>();
                    for (RankingItem item : view.items()) {
                        CatalogueLookup.TechnologyRef technology = known.technologies().get(item.technology());
                        if (technology != null) {
                            places.put(technology.id(), new FeedChanges.Place(item.rank(), item.direction(),
                                    item.tier()));
                            items.put(technology.id(), item);
                        }
                    }
                    return new Placed(view, places, items);
                })
                // A category without scores, or without a quarter before its newest: nothing to compare.
                .onFailure(InvalidInputException.class).recoverWithItem(() -> new Placed(null, Map.of(), Map.of()));
    }

    private Uni<Map<Long, Map<Long, FeedChanges.Place>>> recordedState() {
        return pool.query("select category_id, technology_id, rank, direction, tier from feed_state").execute()
                .map(rows -> {
                    Map<Long, Map<Long, FeedChanges.Place>> state = new HashMap<>();
                    for (Row row : rows) {
                        String direction = row.getString("direction");
                        FeedChanges.Place place = new FeedChanges.Place(row.getInteger("rank"),
                                direction == null ? null : Labels.parse(Direction.class, direction),
                                row.getInteger("tier"));
                        state.computeIfAbsent(row.getLong("category_id"), id -> new HashMap<>())
                                .put(row.getLong("technology_id"), place);
                    }
                    return state;
                });
    }

    private Uni<List<BreakoutView>> breakouts() {
        return discover.discover(null, null, null, PageRequest.parse("1", String.valueOf(BREAKOUTS)))
                .map(page -> page.items());
    }

    private Uni<Void> store(long version, OffsetDateTime published, List<CategoryChanges> categories,
            List<BreakoutView> breakouts) {
        List<Tuple> entries = new ArrayList<>();
        List<Tuple> state = new ArrayList<>();
        for (CategoryChanges category : categories) {
            for (FeedChanges.Change change : category.changes()) {
                RankingItem item = category.items().get(change.technologyId());
                entries.add(Tuple.from(List.of(version, published, category.categoryId(), change.technologyId(),
                                Quarter.parse(category.asOf()).start(), Labels.of(change.move())))
                        .addValue(change.after().rank()).addValue(change.before().rank())
                        .addValue(change.after().tier()).addValue(change.before().tier())
                        .addValue(item.trendScore()).addValue(item.momentumPct()));
            }
            category.now().forEach((technology, place) -> state.add(Tuple.of(category.categoryId(), technology,
                    place.rank(), place.direction() == null ? null : Labels.of(place.direction()), place.tier())));
        }
        List<Tuple> seen = breakouts.stream().map(breakout -> Tuple.from(List.of(version, published,
                breakout.source(), breakout.key(), breakout.from(), breakout.to(), breakout.levelThen(),
                breakout.level(), breakout.growthPctPerYear(), breakout.unit()))).toList();
        return pool.withTransaction(connection -> connection
                .preparedQuery("update feed_recorded set data_version = $1 where data_version < $1")
                .execute(Tuple.of(version))
                .chain(claimed -> claimed.rowCount() == 0 ? Uni.createFrom().voidItem() // another replica did
                        : batch(connection, """
                                insert into feed_entry (data_version, published_at, category_id, technology_id, as_of,
                                  kind, rank, previous_rank, tier, previous_tier, trend_score, momentum_pct)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                                on conflict do nothing""", entries)
                        .chain(() -> connection.query("delete from feed_state").execute())
                        .chain(() -> batch(connection, """
                                insert into feed_state (category_id, technology_id, rank, direction, tier)
                                values ($1, $2, $3, $4, $5)""", state))
                        .chain(() -> batch(connection, """
                                insert into breakout_entry (data_version, published_at, signal_key, source_key, since,
                                  as_of, level_then, level_now, growth_pct, unit)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                                on conflict do nothing""", seen))
                        .invoke(() -> Log.debugf("Recorded the feeds of data version %d: %d changes", version,
                                entries.size()))))
                .replaceWithVoid();
    }

    private static Uni<Void> batch(SqlClient connection, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }
}
