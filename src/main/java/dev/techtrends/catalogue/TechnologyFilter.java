package dev.techtrends.catalogue;

import dev.techtrends.web.Labels;
import dev.techtrends.web.QueryParameters;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filters and sort of GET /technologies, validated. Each filter in use adds one predicate, backed by an index:
 * category (technology_category_idx), type (technology_type_idx), q (trigram indexes on lower(name) and
 * lower(alias)), relation (technology_relation_target_idx), minCoverage (the observation primary key, which starts
 * with the technology).
 *
 * @param minCoverage the least number of signals with data, or null for any
 */
public record TechnologyFilter(String category, String type, String query, String relationType,
        String relationTarget, Integer minCoverage, TechnologySort sort) {

    /**
     * How many signals hold data for technology t: one probe of the observation primary key per signal, however long
     * the technology's history.
     */
    static final String SIGNALS_WITH_DATA = "(select count(*) from signal s where exists (select 1 from observation o"
            + " where o.technology_id = t.id and o.signal_key = s.key))";

    /** Signals a technology could have data in, at most: a larger minCoverage is a mistake. */
    static final int MAX_COVERAGE = 20;

    public static TechnologyFilter parse(String category, String type, String q, String relation, String minCoverage,
            String sort) {
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
        Integer coverage = null;
        if (minCoverage != null && !minCoverage.isBlank()) {
            try {
                coverage = QueryParameters.boundedInt("minCoverage", minCoverage, 0, 0, MAX_COVERAGE);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
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
        return new TechnologyFilter(blankToNull(category), blankToNull(type), blankToNull(q), relationType,
                relationTarget, coverage, parsedSort);
    }

    /** A WHERE clause (or "") for the filters in use; their values are appended to parameters as $1, $2, ... */
    String whereClause(List<Object> parameters) {
        List<String> predicates = new ArrayList<>();
        if (category != null) {
            parameters.add(category);
            predicates.add("c.slug = $" + parameters.size());
        }
        if (type != null) {
            parameters.add(type);
            predicates.add("t.type = $" + parameters.size());
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
        if (minCoverage != null && minCoverage > 0) {
            parameters.add(minCoverage);
            predicates.add(SIGNALS_WITH_DATA + " >= $" + parameters.size());
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
