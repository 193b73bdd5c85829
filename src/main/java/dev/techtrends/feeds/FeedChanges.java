package dev.techtrends.feeds;

import dev.techtrends.scoring.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a feed reader is told about a category's ranking between two states of it: a technology that became rising or
 * fading, entered or left the top tier, or moved into or out of the top {@value #TOP}. A pure function of the two
 * states. Other changes of tier number are left out: below the top, a tier's number moves whenever the tiers above
 * it merge or split (a quarter of the bundled data renumbers most of a category), so it is noise, not news.
 */
public final class FeedChanges {

    /** The size of the top list that entering and leaving are reported for. */
    public static final int TOP = 5;

    private FeedChanges() {
    }

    /** One technology's place in its category's ranking; rank and tier null without a trend score. */
    public record Place(Integer rank, Direction direction, Integer tier) {
        static final Place NONE = new Place(null, null, null);

        boolean inTop() {
            return rank != null && rank <= TOP;
        }
    }

    /** What changed; its wire form (Labels) is the feed_entry.kind stored. */
    public enum Move {
        RISING, FADING, TIER, TOP, DROPPED
    }

    /** A change of one technology, with its place before and after. */
    public record Change(long technologyId, Move move, Place before, Place after) {
    }

    /**
     * The changes from {@code before} to {@code after}, both keyed by technology id. A technology that left the
     * category is not reported (its entries go with it); one that joined is compared to having no place.
     */
    public static List<Change> between(Map<Long, Place> before, Map<Long, Place> after) {
        List<Change> changes = new ArrayList<>();
        after.forEach((technology, now) -> {
            Place then = before.getOrDefault(technology, Place.NONE);
            if (now.direction() != then.direction()) {
                if (now.direction() == Direction.RISING) {
                    changes.add(new Change(technology, Move.RISING, then, now));
                } else if (now.direction() == Direction.FADING) {
                    changes.add(new Change(technology, Move.FADING, then, now));
                }
            }
            if (then.tier() != null && now.tier() != null && !Objects.equals(then.tier(), now.tier())
                    && (then.tier() == 1 || now.tier() == 1)) {
                changes.add(new Change(technology, Move.TIER, then, now));
            }
            if (now.inTop() && !then.inTop()) {
                changes.add(new Change(technology, Move.TOP, then, now));
            } else if (then.inTop() && !now.inTop()) {
                changes.add(new Change(technology, Move.DROPPED, then, now));
            }
        });
        return changes;
    }
}
