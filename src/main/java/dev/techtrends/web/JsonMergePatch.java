package dev.techtrends.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import dev.techtrends.web.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 7396 JSON merge patch: fields absent from the patch keep their stored value, null clears a field, arrays are
 * replaced whole. The merged document is then validated exactly like a PUT body, so PATCH has no rules of its own.
 */
@ApplicationScoped
public class JsonMergePatch {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    public JsonMergePatch(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    public <T> T apply(T current, ObjectNode patch, Class<T> type) {
        ObjectNode merged = objectMapper.valueToTree(current);
        merge(merged, patch);
        T result;
        try {
            result = objectMapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            Problem problem = ProblemMappers.malformedBody(e, "");
            throw new InvalidInputException(problem.detail(), problem.errors() == null ? List.of() : problem.errors());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
