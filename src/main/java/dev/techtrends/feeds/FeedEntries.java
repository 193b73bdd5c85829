package dev.techtrends.feeds;

import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.scoring.Quarter;
import dev.techtrends.scoring.ScoreOrder;
import dev.techtrends.web.Labels;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The recorded entries of the feeds, worded: a title that says what changed and a summary with the figures. */
@ApplicationScoped
public class FeedEntries {

    /** Entries per feed: readers poll, so a feed needs only what is new since the last poll. */
    static final int LIMIT = 50;

    private static final String MOVES = """
            select e.data_version, e.published_at, e.as_of, e.kind, e.rank, e.previous_rank, e.tier, e.previous_tier,
              e.trend_score, e.momentum_pct, t.slug, t.name, c.slug as category, c.name as category_name
            from feed_entry e join technology t on t.id = e.technology_id join category c on c.id = e.category_id
            """;

    record Entry(String id, String title, OffsetDateTime updated, String link, String category, String summary,
            String rights) {
    }

    /** A feed's entries, when it was last updated, and the attribution of every source behind them. */
    record Listed(List<Entry> entries, OffsetDateTime updated, String rights) {
    }

    private final Pool pool;
    private final RankingService rankings;

    public FeedEntries(Pool pool, RankingService rankings) {
        this.pool = pool;
        this.rankings = rankings;
    }

    /** The moves of every category, or of one (its id). */
    Uni<Listed> movers(Long categoryId) {
        return categoryId == null
                ? moves(pool.preparedQuery(MOVES + "order by e.id desc limit $1").execute(Tuple.of(LIMIT)))
                : moves(pool.preparedQuery(MOVES + "where e.category_id = $1 order by e.id desc limit $2")
                        .execute(Tuple.of(categoryId, LIMIT)));
    }

    Uni<Listed> technology(long technologyId) {
        return moves(pool.preparedQuery(MOVES + "where e.technology_id = $1 order by e.id desc limit $2")
                .execute(Tuple.of(technologyId, LIMIT)));
    }

    Uni<Listed> breakouts() {
        return pool.preparedQuery("""
                        select b.data_version, b.published_at, b.signal_key, b.source_key, b.since, b.as_of,
                          b.level_then, b.level_now, b.growth_pct, b.unit, s.attribution
                        from breakout_entry b join signal g on g.key = b.signal_key join source s on s.id = g.source_id
                        order by b.id desc limit $1""").execute(Tuple.of(LIMIT))
                .chain(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    Set<String> rights = new LinkedHashSet<>();
                    for (Row row : rows) {
                        String signal = row.getString("signal_key");
                        String key = row.getString("source_key");
                        rights.add(row.getString("attribution"));
                        entries.add(new Entry(AtomFeed.ID_PREFIX + "discover/" + signal + "/" + key,
                                "Breakout: " + key + " (" + signal + ") grows " + percent(row.getDouble("growth_pct"))
                                        + " a year",
                                row.getOffsetDateTime("published_at"), "/discover?source=" + signal,
                                signal, String.format(Locale.ROOT, "%s on %s: %s then (%s), %s now (%s), %s a year; "
                                                + "no technology maps it yet.", key, signal,
                                        figure(row.getDouble("level_then")), row.getString("since"),
                                        figure(row.getDouble("level_now")), row.getString("as_of"),
                                        percent(row.getDouble("growth_pct"))) + " Unit: " + row.getString("unit")
                                        + ".",
                                row.getString("attribution")));
                    }
                    return listed(entries, String.join(" ", rights));
                });
    }

    private Uni<Listed> moves(Uni<RowSet<Row>> query) {
        // The sources behind the v4 rankings with their default weights: the same for every category (cached).
        return Uni.combine().all().unis(query, rankings.ranking(null, ScoreQuery.of(FeedRecorder.METHOD, null),
                ScoreOrder.TREND, 1)).asTuple().chain(loaded -> {
                    String rights = attribution(loaded.getItem2().sources());
                    List<Entry> entries = new ArrayList<>();
                    loaded.getItem1().forEach(row -> entries.add(move(row, rights)));
                    return listed(entries, rights);
                });
    }

    private Uni<Listed> listed(List<Entry> entries, String rights) {
        String allRights = rights.isEmpty() ? "Figures derived from openly licensed sources; see /api/v1/sources."
                : rights;
        if (!entries.isEmpty()) {
            return Uni.createFrom().item(new Listed(entries, entries.get(0).updated(), allRights));
        }
        return pool.query("select changed_at from data_version").execute()
                .map(rows -> new Listed(entries, rows.iterator().next().getOffsetDateTime(0), allRights));
    }

    private static Entry move(Row row, String rights) {
        String name = row.getString("name");
        String category = row.getString("category");
        String among = inSentence(row.getString("category_name"));
        FeedChanges.Move move = Labels.parse(FeedChanges.Move.class, row.getString("kind"));
        Integer rank = row.getInteger("rank");
        Integer previousRank = row.getInteger("previous_rank");
        Integer tier = row.getInteger("tier");
        Integer previousTier = row.getInteger("previous_tier");
        String title = switch (move) {
            case RISING -> name + " is rising among " + among;
            case FADING -> name + " is fading among " + among;
            case TIER -> name + (tier < previousTier ? " rises to " : " falls to ")
                    + (tier == 1 ? "the top tier" : "tier " + tier) + " of " + among;
            case TOP -> name + " enters the top " + FeedChanges.TOP + " of " + among;
            case DROPPED -> name + " leaves the top " + FeedChanges.TOP + " of " + among;
        };
        List<String> figures = new ArrayList<>();
        Double trend = row.getDouble("trend_score");
        if (trend != null) {
            figures.add(String.format(Locale.ROOT, "trend score %.1f", trend));
        }
        if (rank != null) {
            figures.add("rank " + rank + (previousRank == null || previousRank.equals(rank) ? ""
                    : " (was " + previousRank + ")"));
        }
        if (tier != null) {
            figures.add("tier " + tier + (previousTier == null || previousTier.equals(tier) ? ""
                    : " (was " + previousTier + ")"));
        }
        Double momentum = row.getDouble("momentum_pct");
        if (momentum != null) {
            figures.add("momentum " + percent(momentum) + " a year over three years");
        }
        String quarter = Quarter.of(row.getLocalDate("as_of")).toString();
        String summary = capitalised(String.join(", ", figures)) + "; " + row.getString("category_name")
                + ", " + quarter + ", method " + FeedRecorder.METHOD + ".";
        String slug = row.getString("slug");
        String id = AtomFeed.ID_PREFIX + "movers/" + row.getLong("data_version") + "/" + category + "/" + slug + "/"
                + Labels.of(move);
        return new Entry(id, title, row.getOffsetDateTime("published_at"), "/technologies/" + slug, category, summary,
                rights);
    }

    private static String attribution(List<ScoreView.Attribution> sources) {
        return sources.stream().map(ScoreView.Attribution::attribution).collect(Collectors.joining(" "));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%+.1f %%", value);
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** "Programming languages" → "programming languages"; "API styles" stays. */
    private static String inSentence(String name) {
        return name.length() > 1 && Character.isLowerCase(name.charAt(1))
                ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
