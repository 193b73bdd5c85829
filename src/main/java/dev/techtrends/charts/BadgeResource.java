package dev.techtrends.charts;

import dev.techtrends.rankings.RankingService;
import dev.techtrends.rankings.ScoreQuery;
import dev.techtrends.rankings.ScoreView;
import dev.techtrends.web.Labels;
import dev.techtrends.web.MediaTypes;
import dev.techtrends.web.cache.CachedRead;
import dev.techtrends.web.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A technology's badge, for a README: one figure of /score as a small SVG. */
@Path("/api/v1/technologies/{slug}")
@Tag(name = "Charts")
@CachedRead
public class BadgeResource {

    /** The method whose scores have tiers and rank ranges: metric=tier takes it when no method is asked for. */
    static final String TIER_METHOD = "v4";

    private final RankingService rankings;

    public BadgeResource(RankingService rankings) {
        this.rankings = rankings;
    }

    @GET
    @Path("badge.svg")
    @Produces(MediaTypes.IMAGE_SVG)
    @Operation(operationId = "getTechnologyBadge", summary = "A technology's badge, as SVG",
            description = "A label and a value, shields.io-style, to embed in a README: metric=trend (default) the "
                    + "trend score, rank the rank in its category (with method v4, the ranks it could hold), momentum "
                    + "the percent per year, tier the tier in its category. The value is green when rising, grey when "
                    + "steady, orange when fading (tiers: green for the first, towards orange after). Tiers exist only "
                    + "in method v4: metric=tier without a method uses v4, with another method it is a 400. The "
                    + "<title> says the figure in words (the accessible name); the sources' attribution is in "
                    + "<metadata>. Takes the score's asOf, preset, weights, momentumWeight and method.")
    @APIResponse(responseCode = "200", description = "The badge",
            content = @Content(mediaType = MediaTypes.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> badge(
            @Parameter(description = "Technology slug", example = "rust") @PathParam("slug") String slug,
            @Parameter(description = "The figure shown", example = "trend")
            @QueryParam("metric") @DefaultValue("trend") BadgeMetric metric,
            @BeanParam ScoreQuery query) {
        boolean tierMethod = metric == BadgeMetric.TIER && (query.method() == null || query.method().isBlank());
        ScoreQuery asked = tierMethod ? new ScoreQuery(query.asOf(), query.weights(), query.preset(),
                query.momentumWeight(), TIER_METHOD) : query;
        return rankings.score(slug, asked).map(score -> render(score, metric));
    }

    static String render(ScoreView score, BadgeMetric metric) {
        String where = " (" + score.category() + ", " + score.asOf() + ", method " + score.method() + ")";
        String label = score.name() + " " + Labels.of(metric);
        String byDirection = score.direction() == null ? Badge.STEADY : switch (score.direction()) {
            case RISING -> Badge.RISING;
            case FADING -> Badge.FADING;
            case STEADY -> Badge.STEADY;
        };
        String value;
        String colour = byDirection;
        String title;
        switch (metric) {
            case RANK -> {
                value = score.rank() == null ? "no data" : "#" + score.rank() + (score.rankRange() == null
                        || score.rankRange().best() == score.rankRange().worst() ? ""
                        : " (" + score.rankRange().best() + "–" + score.rankRange().worst() + ")");
                title = score.rank() == null ? score.name() + ": no rank" + where : score.name() + ": rank "
                        + score.rank() + " by trend score" + (score.rankRange() == null ? ""
                        : ", could rank " + score.rankRange().best() + " to " + score.rankRange().worst()) + where;
            }
            case MOMENTUM -> {
                value = score.momentumPct() == null ? "no data"
                        : String.format(Locale.ROOT, "%+.1f %%/yr", score.momentumPct());
                title = score.momentumPct() == null ? score.name() + ": no momentum" + where
                        : String.format(Locale.ROOT, "%s: momentum %+.1f %% per year%s%s%s", score.name(),
                        score.momentumPct(), score.momentumPctInterval() == null ? ""
                                : String.format(Locale.ROOT, ", 90 %% interval %+.1f to %+.1f",
                                score.momentumPctInterval().low(), score.momentumPctInterval().high()),
                        score.direction() == null ? "" : ", " + score.direction().label(), where);
            }
            case TIER -> {
                if (score.trendScore() != null && score.tier() == null) {
                    // a method without intervals has no tiers: saying "no data" would blame the data
                    throw new InvalidInputException("method", "has no tiers; metric=tier takes method "
                            + TIER_METHOD + " (or no method, which means " + TIER_METHOD + ")");
                }
                value = score.tier() == null ? "no data" : "tier " + score.tier();
                colour = score.tier() == null ? Badge.STEADY : Badge.tierColour(score.tier());
                title = score.tier() == null ? score.name() + ": no tier" + where : score.name() + ": tier "
                        + score.tier() + " by trend score" + (score.rankRange() == null ? ""
                        : ", rank " + score.rank() + ", could rank " + score.rankRange().best() + " to "
                        + score.rankRange().worst()) + where;
            }
            default -> {
                value = score.trendScore() == null ? "no data"
                        : String.format(Locale.ROOT, "%.1f", score.trendScore());
                title = score.trendScore() == null ? score.name() + ": no trend score" + where
                        : String.format(Locale.ROOT, "%s: trend score %.1f%s%s", score.name(), score.trendScore(),
                        score.trendScoreInterval() == null ? "" : String.format(Locale.ROOT,
                                ", 90 %% interval %.1f to %.1f", score.trendScoreInterval().low(),
                                score.trendScoreInterval().high()), where);
            }
        }
        if (value.equals("no data")) {
            colour = Badge.STEADY;
        }
        return Badge.svg(label, value, colour, title, attribution(score));
    }

    /** Each source by name, licence and licence address, and its own attribution line. */
    static String attribution(ScoreView score) {
        return "Sources: " + score.sources().stream().map(source -> source.name() + " (" + source.licence() + ", "
                + source.licenceUrl() + ")" + (source.attribution() == null || source.attribution().isBlank() ? ""
                : ": " + source.attribution().strip().replaceAll("\\.$", ""))).collect(Collectors.joining("; "))
                + ". Tech Trends API.";
    }
}
