package dev.techtrends.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.techtrends.feeds.FeedChanges.Change;
import dev.techtrends.feeds.FeedChanges.Move;
import dev.techtrends.feeds.FeedChanges.Place;
import dev.techtrends.scoring.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedChangesTest {

    @Test
    void reportsTurnsTheTopTierAndTheTopFiveOnly() {
        Map<Long, Place> before = Map.of(
                1L, new Place(1, Direction.RISING, 1),
                2L, new Place(5, Direction.STEADY, 2),
                3L, new Place(6, Direction.STEADY, 2),
                4L, new Place(7, Direction.RISING, 3),
                5L, new Place(8, Direction.FADING, 3));
        Map<Long, Place> after = Map.of(
                1L, new Place(1, Direction.RISING, 1), // unchanged: nothing
                2L, new Place(6, Direction.FADING, 2), // fades and leaves the top 5
                3L, new Place(5, Direction.STEADY, 1), // enters the top 5 and the top tier
                4L, new Place(7, Direction.STEADY, 2), // becomes steady, tier 3 to 2: not news
                6L, new Place(2, Direction.RISING, 1)); // new: enters the top 5, rising; no tier before
        assertEquals(Set.of("2 FADING", "2 DROPPED", "3 TOP", "3 TIER", "6 RISING", "6 TOP"),
                moves(FeedChanges.between(before, after)));
    }

    @Test
    void losingItsScoreLeavesTheTopFive() {
        List<Change> changes = FeedChanges.between(Map.of(1L, new Place(3, Direction.RISING, 1)),
                Map.of(1L, new Place(null, null, null)));
        assertEquals(Set.of("1 DROPPED"), moves(changes));
        assertEquals(new Place(3, Direction.RISING, 1), changes.get(0).before());
    }

    @Test
    void equalStatesHaveNoChanges() {
        Map<Long, Place> state = Map.of(1L, new Place(1, Direction.FADING, 1), 2L, new Place(9, null, null));
        assertEquals(Set.of(), moves(FeedChanges.between(state, state)));
    }

    private static Set<String> moves(List<Change> changes) {
        return changes.stream().map(change -> change.technologyId() + " " + change.move()).collect(Collectors.toSet());
    }
}
