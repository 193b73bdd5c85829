package dev.techtrends.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.techtrends.catalogue.CategoryInput;
import dev.techtrends.catalogue.TechnologyInput;
import dev.techtrends.catalogue.TechnologyInput.RelationInput;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

    record Limits(Integer min, Integer max, String unit) {
    }

    record Settings(String name, Limits limits, List<String> tags) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Validator validator;
    private static JsonMergePatch mergePatch;

    private static final TechnologyInput HONO = new TechnologyInput("hono", "Hono", "frameworks",
            "A small web framework built on Web Standards.", "https://hono.dev", 2021, List.of("honojs", "hono-js"),
            List.of(new RelationInput("runs-on", "nodejs"), new RelationInput("written-in", "typescript")), null);

    private static final CategoryInput DATABASES = new CategoryInput("databases", "Databases", "database",
            "Where the data lives.");

    @BeforeAll
    static void buildValidator() {
        validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        mergePatch = new JsonMergePatch(MAPPER, validator);
    }

    private static ObjectNode patch(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static TechnologyInput applyToHono(String json) {
        return mergePatch.apply(HONO, patch(json), TechnologyInput.class);
    }

    private static Map<String, Class<? extends Annotation>> violations(Runnable apply) {
        ConstraintViolationException error = assertThrows(ConstraintViolationException.class, apply::run);
        Map<String, Class<? extends Annotation>> byField = new TreeMap<>();
        for (ConstraintViolation<?> violation : error.getConstraintViolations()) {
            byField.put(violation.getPropertyPath().toString(),
                    violation.getConstraintDescriptor().getAnnotation().annotationType());
        }
        return byField;
    }

    @Test
    void keepsEveryValueForAnEmptyPatch() {
        assertEquals(HONO, applyToHono("{}"));
    }

    @Test
    void keepsTheFieldsThePatchLeavesOut() {
        assertEquals(new TechnologyInput("hono", "Hono 4", "frameworks", HONO.description(), "https://hono.dev",
                2022, HONO.aliases(), HONO.relations(), null), applyToHono("{\"name\":\"Hono 4\",\"firstReleased\":2022}"));
    }

    @Test
    void clearsAnOptionalFieldSetToNull() {
        TechnologyInput patched = applyToHono("{\"homepage\":null,\"firstReleased\":null}");
        assertNull(patched.homepage());
        assertNull(patched.firstReleased());
        assertEquals("Hono", patched.name());
        assertEquals(HONO.aliases(), patched.aliases());
    }

    @Test
    void clearsAListSetToNullToEmpty() {
        TechnologyInput patched = applyToHono("{\"aliases\":null,\"relations\":null}");
        assertEquals(List.of(), patched.aliases());
        assertEquals(List.of(), patched.relations());
    }

    @Test
    void replacesArraysWhole() {
        TechnologyInput patched = applyToHono("""
                {"aliases":["hono.js"],"relations":[{"type":"runs-on","target":"deno"}]}""");
        assertEquals(List.of("hono.js"), patched.aliases());
        assertEquals(List.of(new RelationInput("runs-on", "deno")), patched.relations());
        assertEquals(List.of(), applyToHono("{\"aliases\":[]}").aliases());
    }

    @Test
    void doesNotMergeIntoTheElementsOfAReplacedArray() {
        assertEquals(Map.of("relations[0].type", NotNull.class),
                violations(() -> applyToHono("{\"relations\":[{\"target\":\"deno\"}]}")));
    }

    @Test
    void mergesNestedObjectsFieldByField() {
        Settings current = new Settings("limits", new Limits(1, 10, "rows"), List.of("a", "b"));
        assertEquals(new Settings("limits", new Limits(1, 99, "rows"), List.of("a", "b")),
                mergePatch.apply(current, patch("{\"limits\":{\"max\":99}}"), Settings.class));
        assertEquals(new Settings("limits", new Limits(1, 10, null), List.of("a", "b")),
                mergePatch.apply(current, patch("{\"limits\":{\"unit\":null}}"), Settings.class));
        assertEquals(new Settings("limits", null, List.of("a", "b")),
                mergePatch.apply(current, patch("{\"limits\":null}"), Settings.class));
    }

    @Test
    void setsANestedObjectWhereThereWasNone() {
        Settings current = new Settings("limits", null, null);
        assertEquals(new Settings("limits", new Limits(null, 5, null), null),
                mergePatch.apply(current, patch("{\"limits\":{\"max\":5}}"), Settings.class));
    }

    @Test
    void leavesThePatchAsItWas() {
        ObjectNode patch = patch("{\"limits\":{\"max\":99}}");
        mergePatch.apply(new Settings("s", new Limits(1, 10, "rows"), List.of()), patch, Settings.class);
        assertEquals(patch("{\"limits\":{\"max\":99}}"), patch);
    }

    @Test
    void patchesACategory() {
        assertEquals(new CategoryInput("databases", "Databases", "database", "Stores of data."),
                mergePatch.apply(DATABASES, patch("{\"description\":\"Stores of data.\"}"), CategoryInput.class));
    }

    @Test
    void reportsAValueOfTheWrongTypeByField() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> applyToHono("{\"firstReleased\":\"soon\"}"));
        assertEquals("Field 'firstReleased' has the wrong type: expected Integer.", error.getMessage());
        assertEquals(List.of(new Problem.FieldError("firstReleased", "expected Integer")), error.errors());
    }

    @Test
    void reportsAnUnreadableValueByField() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> applyToHono("{\"aliases\":{\"first\":\"hono\"}}"));
        assertTrue(error.getMessage().startsWith("Field 'aliases' cannot be read: "), error.getMessage());
        assertEquals(List.of(new Problem.FieldError("aliases", "cannot be read as the expected type")),
                error.errors());
    }

    @Test
    void reportsAnUnknownFieldWithItsPath() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> applyToHono("{\"relations\":[{\"type\":\"runs-on\",\"target\":\"bun\",\"weight\":2}]}"));
        assertTrue(error.getMessage().startsWith("Unknown field 'relations[0].weight'. Known fields: "),
                error.getMessage());
        assertEquals(List.of(new Problem.FieldError("relations[0].weight", "unknown field")), error.errors());
    }

    @Test
    void validatesTheMergedTechnologyLikeAPutBody() {
        assertEquals(Map.of("name", NotBlank.class, "slug", Pattern.class,
                        "firstReleased", Min.class),
                violations(() -> applyToHono("{\"slug\":\"Hono JS\",\"name\":null,\"firstReleased\":1900}")));
        assertEquals(Map.of("firstReleased", Max.class, "aliases[1].<list element>", NotBlank.class),
                violations(() -> applyToHono("{\"firstReleased\":2101,\"aliases\":[\"ok\",\" \"]}")));
    }

    @Test
    void reportsTheRecordsOwnMessages() {
        ConstraintViolationException error = assertThrows(ConstraintViolationException.class,
                () -> applyToHono("{\"homepage\":\"ftp://hono.dev\",\"slug\":\"-hono\"}"));
        Map<String, String> messages = new TreeMap<>();
        error.getConstraintViolations().forEach(v -> messages.put(v.getPropertyPath().toString(), v.getMessage()));
        assertEquals(Map.of("homepage", "must be an http(s) URL",
                "slug", "must be lower-case letters and digits separated by single hyphens"), messages);
    }

    @Test
    void validatesTheMergedCategory() {
        ConstraintViolationException error = assertThrows(ConstraintViolationException.class,
                () -> mergePatch.apply(DATABASES, patch("{\"kind\":\"queue\"}"), CategoryInput.class));
        assertEquals(1, error.getConstraintViolations().size());
        ConstraintViolation<?> violation = error.getConstraintViolations().iterator().next();
        assertEquals("kind", violation.getPropertyPath().toString());
        assertEquals("must be one of language, runtime, framework, architecture, database, messaging, "
                + "infrastructure, cloud, api", violation.getMessage());
    }

    @Test
    void returnsAMergedValueThatPassesValidation() {
        CategoryInput patched = mergePatch.apply(DATABASES, patch("{\"name\":\"Data stores\"}"), CategoryInput.class);
        assertEquals(new CategoryInput("databases", "Data stores", "database", "Where the data lives."), patched);
        assertTrue(validator.validate(patched).isEmpty());
    }
}
