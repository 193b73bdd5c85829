package dev.techtrends.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.techtrends.web.EnumParameters;
import dev.techtrends.web.Labels;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem.FieldError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TechnologyFilterTest {

    private static final String RELATION_REASON =
            "must be <type>:<technology slug> with type runs-on, written-in or implements, e.g. runs-on:nodejs";
    private static final String Q_PREDICATE = "(lower(t.name) like $%1$d or exists (select 1 from technology_alias a"
            + " where a.technology_id = t.id and lower(a.alias) like $%1$d))";
    private static final String RELATION_PREDICATE = "exists (select 1 from technology_relation r join technology o"
            + " on o.id = r.target_id where r.source_id = t.id and r.type = $%d and o.slug = $%d)";

    /** The sort parameter as the one converter of enum parameters reads it. */
    static final ParamConverter<TechnologySort> SORT_PARAMETER = EnumParameters.converter(TechnologySort.class, "sort",
            null);

    private static List<FieldError> errorsOf(String category, String q, String relation, String sort) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> TechnologyFilter.parse(category, null, q, relation, null, sort));
        assertEquals("Invalid query parameters.", error.getMessage());
        return error.errors();
    }

    @Test
    void filtersNothingAndSortsByNameByDefault() {
        TechnologyFilter filter = TechnologyFilter.parse(null, null, null, null, null, null);
        assertEquals(new TechnologyFilter(null, null, null, null, null, null, TechnologySort.NAME), filter);
        List<Object> parameters = new ArrayList<>();
        assertEquals("", filter.whereClause(parameters));
        assertEquals(List.of(), parameters);
    }

    @Test
    void treatsBlankParametersAsAbsent() {
        assertEquals(new TechnologyFilter(null, null, null, null, null, null, TechnologySort.NAME),
                TechnologyFilter.parse("", null, "  ", " \t", null, " "));
    }

    @Test
    void stripsCategoryAndQuery() {
        assertEquals(new TechnologyFilter("frameworks", null, "Node JS", null, null, null, TechnologySort.NAME),
                TechnologyFilter.parse(" frameworks ", null, "\tNode JS  ", null, null, null));
    }

    @ParameterizedTest
    @CsvSource({
        "runs-on:nodejs,       runs-on,    nodejs",
        "' written-in:java ',  written-in, java",
        "implements:jakarta-ee, implements, jakarta-ee",
        "runs-on:a:b,          runs-on,    a:b"
    })
    void splitsTheRelationIntoTypeAndTarget(String relation, String type, String target) {
        TechnologyFilter filter = TechnologyFilter.parse(null, null, null, relation, null, null);
        assertEquals(type, filter.relationType());
        assertEquals(target, filter.relationTarget());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs-on", "runs-on:", "runs-on: ", ":nodejs", "nodejs", "RUNS-ON:nodejs",
                            "depends-on:nodejs", "runs_on:nodejs", " runs-on :nodejs"})
    void refusesAMalformedRelation(String relation) {
        assertEquals(List.of(new FieldError("relation", RELATION_REASON)), errorsOf(null, null, relation, null));
    }

    @Test
    void acceptsAQueryOfAHundredCharactersAfterStripping() {
        String hundred = "a".repeat(100);
        assertEquals(hundred, TechnologyFilter.parse(null, null, "  " + hundred + "  ", null, null, null).query());
    }

    @Test
    void refusesALongerQuery() {
        assertEquals(List.of(new FieldError("q", "must be at most 100 characters")),
                errorsOf(null, "a".repeat(101), null, null));
    }

    @ParameterizedTest
    @CsvSource({"name, NAME", "-name, NAME_DESC", "firstReleased, FIRST_RELEASED",
                "-firstReleased, FIRST_RELEASED_DESC", "' -name ', NAME_DESC"})
    void parsesEverySort(String text, TechnologySort sort) {
        assertEquals(sort, TechnologyFilter.parse(null, null, null, null, null, text).sort());
        assertEquals(sort, SORT_PARAMETER.fromString(text));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void sortsByNameWhenNoSortIsGiven(String text) {
        assertEquals(TechnologySort.NAME, TechnologyFilter.parse(null, null, null, null, null, text).sort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name", "+name", "first_released", "released", "name,-firstReleased", "--name"})
    void refusesAnUnknownSort(String text) {
        String reason = "must be one of name, -name, firstReleased, -firstReleased; got '" + text + "'";
        assertEquals(List.of(new FieldError("sort", reason)), errorsOf(null, null, null, text));
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> SORT_PARAMETER.fromString(text));
        assertEquals("Invalid value for 'sort': " + reason, refused.getCause().getMessage());
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertEquals(List.of(
                new FieldError("relation", RELATION_REASON),
                new FieldError("q", "must be at most 100 characters"),
                new FieldError("sort", "must be one of name, -name, firstReleased, -firstReleased; got 'newest'")),
                errorsOf("frameworks", "x".repeat(101), "uses:nodejs", "newest"));
    }

    @Test
    void ordersBySortWithTheSlugAsTieBreaker() {
        assertEquals("lower(t.name), t.slug", TechnologySort.NAME.orderBy());
        assertEquals("lower(t.name) desc, t.slug", TechnologySort.NAME_DESC.orderBy());
        assertEquals("t.first_released nulls last, t.slug", TechnologySort.FIRST_RELEASED.orderBy());
        assertEquals("t.first_released desc nulls last, t.slug", TechnologySort.FIRST_RELEASED_DESC.orderBy());
    }

    @Test
    void filtersByCategorySlug() {
        List<Object> parameters = new ArrayList<>();
        assertEquals(" where c.slug = $1",
                TechnologyFilter.parse("databases", null, null, null, null, null).whereClause(parameters));
        assertEquals(List.of("databases"), parameters);
    }

    @Test
    void filtersByTypeAndByTheSignalsWithData() {
        List<Object> parameters = new ArrayList<>();
        assertEquals(" where c.slug = $1 and t.type = $2 and " + TechnologyFilter.SIGNALS_WITH_DATA + " >= $3",
                TechnologyFilter.parse("databases", " analytical ", null, null, "2", null).whereClause(parameters));
        assertEquals(List.of("databases", "analytical", 2), parameters);
        assertEquals("", TechnologyFilter.parse(null, null, null, null, "0", null).whereClause(new ArrayList<>()),
                "at least none is no filter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "21", "two", "1.5"})
    void minCoverageIsAWholeNumberOfSignals(String text) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> TechnologyFilter.parse(null, null, null, null, text, null));
        assertEquals("minCoverage", error.errors().get(0).field());
    }

    @Test
    void matchesTheQueryInNameOrAliasesCaseInsensitively() {
        List<Object> parameters = new ArrayList<>();
        assertEquals(" where " + Q_PREDICATE.formatted(1),
                TechnologyFilter.parse(null, null, "PostgreSQL", null, null, null).whereClause(parameters));
        assertEquals(List.of("%postgresql%"), parameters);
    }

    @Test
    void escapesLikeWildcardsInTheQuery() {
        List<Object> parameters = new ArrayList<>();
        new TechnologyFilter(null, null, "100%_C\\", null, null, null, TechnologySort.NAME).whereClause(parameters);
        assertEquals(List.of("%100\\%\\_c\\\\%"), parameters);
    }

    @Test
    void filtersByRelationTypeAndTarget() {
        List<Object> parameters = new ArrayList<>();
        assertEquals(" where " + RELATION_PREDICATE.formatted(1, 2),
                TechnologyFilter.parse(null, null, null, "runs-on:nodejs", null, null).whereClause(parameters));
        assertEquals(List.of("runs-on", "nodejs"), parameters);
    }

    @Test
    void joinsEveryFilterInUseNumberingParametersInOrder() {
        List<Object> parameters = new ArrayList<>();
        String where = TechnologyFilter.parse("frameworks", null, "Nest", "written-in:typescript", null, "-name")
                .whereClause(parameters);
        assertEquals(" where c.slug = $1 and " + Q_PREDICATE.formatted(2) + " and "
                + RELATION_PREDICATE.formatted(3, 4), where);
        assertEquals(List.of("frameworks", "%nest%", "written-in", "typescript"), parameters);
    }

    @Test
    void joinsCategoryAndRelation() {
        List<Object> parameters = new ArrayList<>();
        String where = TechnologyFilter.parse("frameworks", null, null, "implements:jakarta-ee", null, null)
                .whereClause(parameters);
        assertEquals(" where c.slug = $1 and " + RELATION_PREDICATE.formatted(2, 3), where);
        assertEquals(List.of("frameworks", "implements", "jakarta-ee"), parameters);
    }

    @Test
    void joinsQueryAndRelation() {
        List<Object> parameters = new ArrayList<>();
        String where = TechnologyFilter.parse(null, null, "js", "runs-on:nodejs", null, null).whereClause(parameters);
        assertEquals(" where " + Q_PREDICATE.formatted(1) + " and " + RELATION_PREDICATE.formatted(2, 3), where);
        assertEquals(List.of("%js%", "runs-on", "nodejs"), parameters);
    }

    @Test
    void joinsCategoryAndQuery() {
        List<Object> parameters = new ArrayList<>();
        String where = TechnologyFilter.parse("languages", null, "py", null, null, null).whereClause(parameters);
        assertEquals(" where c.slug = $1 and " + Q_PREDICATE.formatted(2), where);
        assertEquals(List.of("languages", "%py%"), parameters);
    }

    @Test
    void numbersAfterParametersAlreadyInTheList() {
        List<Object> parameters = new ArrayList<>(List.of("earlier"));
        String where = TechnologyFilter.parse("languages", null, null, "runs-on:jvm", null, null).whereClause(parameters);
        assertEquals(" where c.slug = $2 and " + RELATION_PREDICATE.formatted(3, 4), where);
        assertEquals(List.of("earlier", "languages", "runs-on", "jvm"), parameters);
    }

    @Test
    void knowsTheRelationTypes() {
        assertEquals(List.of("runs-on", "written-in", "implements"), Labels.all(RelationType.class));
    }
}
