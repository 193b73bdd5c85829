package dev.techtrends.catalogue;

import dev.techtrends.web.Labels;
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
public record TechnologyFilter(String category, String query, String relationType, String relationTarget,
        TechnologySort sort) {

    public static TechnologyFilter parse(String category, String q, String relation, String sort) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String relationType = null;
        String relationTarget = null;
        if (relation != null && !relation.isBlank()) {
            String[] parts = relation.strip().split(":", 2);
            List<String> types = Labels.all(RelationType.class);
            if (parts.length != 2 || !types.contains(parts[0]) || parts[1].isBlank()) {
                errors.add(new Problem.FieldError("relation", "must be <type>:<technology slug> with type "
                        + String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1)
                        + ", e.g. runs-on:nodejs"));
            } else {
                relationType = parts[0];
                relationTarget = parts[1].strip();
            }
        }
        if (q != null && q.strip().length() > 100) {
            errors.add(new Problem.FieldError("q", "must be at most 100 characters"));
        }
        TechnologySort parsedSort = TechnologySort.NAME;
        if (sort != null && !sort.isBlank()) {
            try {
                parsedSort = Labels.parse(TechnologySort.class, sort);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("sort", e.getMessage()));
            }
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
