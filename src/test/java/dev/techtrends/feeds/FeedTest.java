package dev.techtrends.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.techtrends.signals.FreshDatabaseProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Atom feeds, read with ROME (a real feed parser): every entry has what RFC 4287 and a reader need, and an
 * upload that moves a ranking shows up as exactly the moves the rankings before and after it imply.
 */
@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
class FeedTest {

    private static final String CATEGORY = "infrastructure";

    @Inject
    Pool pool;

    @Test
    void aNewInstallationsFeedsHoldTheNewestQuarterAndValidate() {
        Feed movers = atom("/feeds/movers.atom");
        assertEquals("tag:tech-trends-api,2026:feeds/movers", movers.getId());
        assertFalse(movers.getEntries().isEmpty(), "the newest quarter's moves against the quarter before");
        assertEquals("/feeds/movers.atom", link(movers.getOtherLinks(), "self"));
        for (Entry entry : movers.getEntries()) {
            assertTrue(entry.getId().startsWith("tag:tech-trends-api,2026:movers/"), entry.getId());
            assertNotNull(entry.getUpdated(), entry.getId());
            assertTrue(entry.getAlternateLinks().get(0).getHref().startsWith("/technologies/"), entry.getId());
            assertTrue(entry.getTitle().matches(".+ (is rising among|is fading among|rises to|falls to"
                    + "|enters the top 5 of|leaves the top 5 of) .+"), entry.getTitle());
            assertTrue(entry.getSummary().getValue().contains("method v4"), entry.getSummary().getValue());
            assertTrue(entry.getRights().contains("CC"), "the sources' attribution: " + entry.getRights());
        }
        Set<String> ids = movers.getEntries().stream().map(Entry::getId).collect(Collectors.toSet());
        assertEquals(movers.getEntries().size(), ids.size(), "ids are unique");

        Feed discover = atom("/feeds/discover.atom");
        assertEquals(FeedRecorder.BREAKOUTS, discover.getEntries().size(), "discover's first page, first seen now");
        JsonPath breakouts = given().get("/api/v1/discover").then().statusCode(200).extract().jsonPath();
        assertEquals(breakouts.getString("items[0].key"), discover.getEntries().stream()
                .filter(entry -> entry.getTitle().startsWith("Breakout: " + breakouts.getString("items[0].key") + " ("))
                .findFirst().map(entry -> breakouts.getString("items[0].key")).orElse(null));

        given().get("/feeds/movers.atom?category=no-such-category").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("category"));
        given().get("/feeds/technologies/no-such-technology.atom").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUploadThatMovesARankingIsInTheFeedsWithItsDataVersionsTime() {
        Map<String, Place> before = places();
        // The technology just outside the top 5 with a GitHub-topic series: ten times the leader's share lifts it.
        String lifted = before.entrySet().stream().filter(place -> place.getValue().rank() != null
                        && place.getValue().rank() > FeedChanges.TOP).filter(place -> hasTopicSeries(place.getKey()))
                .min((a, b) -> a.getValue().rank() - b.getValue().rank()).orElseThrow().getKey();
        String quarter = given().get("/api/v1/rankings?method=v4&category=" + CATEGORY).then().extract()
                .path("asOf");
        double leaderShare = ((Number) single("select max(o.value) from observation o join technology t on t.id = "
                + "o.technology_id join category c on c.id = t.category_id where c.slug = '" + CATEGORY + "' and "
                + "o.signal_key = 'github_topic_developers'")).doubleValue();
        Feed old = atom("/feeds/movers.atom?category=" + CATEGORY);
        Response first = given().get("/feeds/movers.atom?category=" + CATEGORY);

        given().header("X-API-Key", "test-admin-key").contentType("text/csv")
                .body("signal,technology,period,value\ngithub_topic_developers," + lifted + "," + quarter + ","
                        + leaderShare * 10 + "\n")
                .post("/api/v1/ingestions").then().statusCode(201).body("updated", equalTo(1));

        Map<String, Place> after = places();
        assertTrue(after.get(lifted).rank() <= FeedChanges.TOP, "the upload lifts " + lifted + " into the top 5");
        Set<String> expected = new HashSet<>();
        after.forEach((slug, now) -> {
            Place then = before.getOrDefault(slug, new Place(null, null, null));
            if (!Objects.equals(now.direction(), then.direction()) && ("rising".equals(now.direction())
                    || "fading".equals(now.direction()))) {
                expected.add(slug + "/" + now.direction());
            }
            if (then.tier() != null && now.tier() != null && !then.tier().equals(now.tier())
                    && (then.tier() == 1 || now.tier() == 1)) {
                expected.add(slug + "/tier");
            }
            if (now.inTop() && !then.inTop()) {
                expected.add(slug + "/top");
            } else if (then.inTop() && !now.inTop()) {
                expected.add(slug + "/dropped");
            }
        });
        assertTrue(expected.contains(lifted + "/top"), expected::toString);

        Feed feed = atom("/feeds/movers.atom?category=" + CATEGORY);
        Set<String> oldIds = old.getEntries().stream().map(Entry::getId).collect(Collectors.toSet());
        List<Entry> added = feed.getEntries().stream().filter(entry -> !oldIds.contains(entry.getId())).toList();
        assertEquals(expected, added.stream().map(entry -> entry.getId().replaceFirst(".*/" + CATEGORY + "/", ""))
                .collect(Collectors.toSet()));
        // Atom's timestamps here are to the second.
        Date changedAt = Date.from(((OffsetDateTime) single("select changed_at from data_version")).toInstant()
                .truncatedTo(ChronoUnit.SECONDS));
        added.forEach(entry -> assertEquals(changedAt, entry.getUpdated(), entry.getId()));
        assertEquals(changedAt, feed.getUpdated());
        Entry entered = added.stream().filter(entry -> entry.getId().endsWith("/" + lifted + "/top")).findFirst()
                .orElseThrow();
        assertTrue(entered.getTitle().endsWith(" enters the top 5 of infrastructure and deployment tools"),
                entered.getTitle());
        assertTrue(entered.getSummary().getValue().contains("rank " + after.get(lifted).rank() + " (was "
                + before.get(lifted).rank() + ")"), entered.getSummary().getValue());
        assertEquals("/technologies/" + lifted, entered.getAlternateLinks().get(0).getHref());

        // The technology's own feed has it too; the old answer's tag no longer matches.
        assertTrue(atom("/feeds/technologies/" + lifted + ".atom").getEntries().stream()
                .anyMatch(entry -> entry.getId().equals(entered.getId())));
        given().header("If-None-Match", first.header("ETag")).get("/feeds/movers.atom?category=" + CATEGORY)
                .then().statusCode(200);
        String etag = given().get("/feeds/movers.atom?category=" + CATEGORY).header("ETag");
        given().header("If-None-Match", etag).get("/feeds/movers.atom?category=" + CATEGORY).then().statusCode(304);
    }

    private record Place(Integer rank, String direction, Integer tier) {
        boolean inTop() {
            return rank != null && rank <= FeedChanges.TOP;
        }
    }

    private Map<String, Place> places() {
        List<Map<String, Object>> items = given().get("/api/v1/rankings?method=v4&category=" + CATEGORY)
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Place> places = new HashMap<>();
        items.forEach(item -> places.put((String) item.get("technology"), new Place((Integer) item.get("rank"),
                (String) item.get("direction"), (Integer) item.get("tier"))));
        return places;
    }

    private boolean hasTopicSeries(String slug) {
        return given().get("/api/v1/technologies/" + slug + "/score?method=v4").then().extract().jsonPath()
                .getList("signals.signal").contains("github_topic_developers");
    }

    private static Feed atom(String path) {
        String body = given().get(path).then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .header("ETag", org.hamcrest.Matchers.notNullValue()).extract().asString();
        try {
            return (Feed) new WireFeedInput().build(new StringReader(body));
        } catch (Exception e) {
            throw new AssertionError("not an Atom feed: " + body, e);
        }
    }

    private static String link(List<Link> links, String rel) {
        return links.stream().filter(link -> rel.equals(link.getRel())).map(Link::getHref).findFirst().orElse(null);
    }

    private Object single(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getValue(0);
    }
}
