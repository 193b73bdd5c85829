package dev.techtrends.catalogue;

import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filters and sort of GET /technologies, validated. Each filter in use adds one predicate, backed by an index:
 * category (technology_category_idx), q (trigram indexes on lower(name) and lower(alias)),
 * relation (technology_relation_target_idx).
 */
public record TechnologyFilter(String category, String query, String relationType, String relationTarget, Sort sort) {

    public enum Sort {
        NAME("name", "lower(t.name), t.slug"),
        NAME_DESC("-name", "lower(t.name) desc, t.slug"),
        FIRST_RELEASED("firstReleased", "t.first_released nulls last, t.slug"),
        FIRST_RELEASED_DESC("-firstReleased", "t.first_released desc nulls last, t.slug");

        private final String parameter;
        private final String orderBy;

        Sort(String parameter, String orderBy) {
            this.parameter = parameter;
            this.orderBy = orderBy;
        }

        String orderBy() {
            return orderBy;
        }

        static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return NAME;
            }
            for (Sort sort : values()) {
                if (sort.parameter.equals(text.strip())) {
                    return sort;
                }
            }
            throw new InvalidInputException("sort",
                    "must be one of name, -name, firstReleased, -firstReleased; got '" + text + "'");
        }
    }

    static final List<String> RELATION_TYPES = List.of("runs-on", "written-in", "implements");

    public static TechnologyFilter parse(String category, String q, String relation, String sort) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String relationType = null;
        String relationTarget = null;
        if (relation != null && !relation.isBlank()) {
            String[] parts = relation.strip().split(":", 2);
            if (parts.length != 2 || !RELATION_TYPES.contains(parts[0]) || parts[1].isBlank()) {
                errors.add(new Problem.FieldError("relation",
                        "must be <type>:<technology slug> with type runs-on, written-in or implements, e.g. runs-on:nodejs"));
            } else {
                relationType = parts[0];
                relationTarget = parts[1].strip();
            }
        }
        if (q != null && q.strip().length() > 100) {
            errors.add(new Problem.FieldError("q", "must be at most 100 characters"));
        }
        Sort parsedSort = null;
        try {
            parsedSort = Sort.parse(sort);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid query parameters.", errors);
        }
        return new TechnologyFilter(blankToNull(category), blankToNull(q), relationType, relationTarget, parsedSort);
    }

    /** A WHERE clause (or "") for the filters in use; their values are appended to parameters as $1, $2, ... */
    String whereClause(List<Object> parameters) {
        List<String> predicates = new ArrayList<>();
        if (category != null) {
            parameters.add(category);
            predicates.add("c.slug = $" + parameters.size());
        }
        if (query != null) {
            parameters.add("%" + escapeLike(query.toLowerCase(Locale.ROOT)) + "%");
            int index = parameters.size();
            predicates.add("(lower(t.name) like $" + index + " or exists (select 1 from technology_alias a"
                    + " where a.technology_id = t.id and lower(a.alias) like $" + index + "))");
        }
        if (relationType != null) {
            parameters.add(relationType);
            parameters.add(relationTarget);
            predicates.add("exists (select 1 from technology_relation r join technology o on o.id = r.target_id"
                    + " where r.source_id = t.id and r.type = $" + (parameters.size() - 1)
                    + " and o.slug = $" + parameters.size() + ")");
        }
        return predicates.isEmpty() ? "" : " where " + String.join(" and ", predicates);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
