package dev.techtrends.catalogue;

import dev.techtrends.web.Labels;
import dev.techtrends.web.Page;
import dev.techtrends.web.PageRequest;
import dev.techtrends.web.Rows;
import dev.techtrends.web.cache.Reads;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Catalogue reads as hand-written SQL over the reactive pool (the standby's when it has caught up: Reads): one statement per page, with aliases and relations
 * aggregated in the same statement (no N+1), and only the filters in use in the WHERE clause so that every
 * variant gets a plan of its own.
 */
@ApplicationScoped
public class CatalogueQueries {

    private static final String TECHNOLOGY_COLUMNS = """
            select t.slug, t.name, c.slug as category, t.type, t.description, t.homepage, t.first_released,
              """ + TechnologyFilter.SIGNALS_WITH_DATA + """
             as signals_with_data,
              array(select a.alias from technology_alias a where a.technology_id = t.id
                    order by lower(a.alias), a.alias) as aliases,
              coalesce((select json_agg(json_build_object('type', r.type, 'slug', o.slug, 'name', o.name)
                                 order by r.type, o.slug)
                        from technology_relation r join technology o on o.id = r.target_id
                        where r.source_id = t.id), '[]') as relations,
              coalesce((select json_agg(json_build_object('type', r.type, 'slug', o.slug, 'name', o.name)
                                 order by r.type, o.slug)
                        from technology_relation r join technology o on o.id = r.source_id
                        where r.target_id = t.id), '[]') as related_from,
              coalesce((select json_agg(json_build_object('signal', k.signal_key, 'key', k.source_key)
                                 order by k.signal_key, k.source_key)
                        from technology_source_key k where k.technology_id = t.id), '[]') as source_keys
            from technology t join category c on c.id = t.category_id
            """;

    private static final String CATEGORY_COLUMNS = """
            select c.slug, c.name, c.kind, c.description,
              (select count(*) from technology t where t.category_id = c.id) as technology_count
            from category c
            """;

    private final Reads reads;

    public CatalogueQueries(Reads reads) {
        this.reads = reads;
    }

    public Uni<Page<CategoryView>> categories(PageRequest pageRequest) {
        Uni<List<CategoryView>> items = reads.run(pool -> pool
                .preparedQuery(CATEGORY_COLUMNS + " order by lower(c.name), c.slug limit $1 offset $2")
                .execute(Tuple.of(pageRequest.size(), pageRequest.offset())))
                .map(rows -> Rows.map(rows, CatalogueQueries::category));
        Uni<Long> total = reads.run(pool -> pool.preparedQuery("select count(*) from category").execute())
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> Page.of(both.getItem1(), pageRequest, both.getItem2()));
    }

    /** The category, or null when no category has this slug. */
    public Uni<CategoryView> category(String slug) {
        return reads.run(pool -> pool.preparedQuery(CATEGORY_COLUMNS + " where c.slug = $1").execute(Tuple.of(slug)))
                .map(rows -> rows.size() == 0 ? null : category(rows.iterator().next()));
    }

    public Uni<Page<TechnologyView>> technologies(TechnologyFilter filter, PageRequest pageRequest) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.whereClause(parameters);
        int limitIndex = parameters.size() + 1;
        String query = TECHNOLOGY_COLUMNS + where + " order by " + filter.sort().orderBy()
                + " limit $" + limitIndex + " offset $" + (limitIndex + 1);
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(pageRequest.size());
        pageParameters.add(pageRequest.offset());

        Uni<List<TechnologyView>> items = reads.run(pool -> pool.preparedQuery(query).execute(Tuple.from(pageParameters)))
                .map(rows -> Rows.map(rows, CatalogueQueries::technology));
        Uni<Long> total = reads.run(pool -> pool
                .preparedQuery("select count(*) from technology t join category c on c.id = t.category_id" + where)
                .execute(Tuple.from(parameters)))
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> Page.of(both.getItem1(), pageRequest, both.getItem2()));
    }

    /** The technology, or null when no technology has this slug. */
    public Uni<TechnologyView> technology(String slug) {
        return reads.run(pool -> pool.preparedQuery(TECHNOLOGY_COLUMNS + " where t.slug = $1").execute(Tuple.of(slug)))
                .map(rows -> rows.size() == 0 ? null : technology(rows.iterator().next()));
    }


    private static CategoryView category(Row row) {
        return new CategoryView(row.getString("slug"), row.getString("name"),
                Labels.parse(CategoryKind.class, row.getString("kind")),
                row.getString("description"), row.getLong("technology_count"));
    }

    private static TechnologyView technology(Row row) {
        return new TechnologyView(row.getString("slug"), row.getString("name"), row.getString("category"),
                row.getString("type"), row.getString("description"), row.getString("homepage"), row.getInteger("first_released"),
                Arrays.asList(row.getArrayOfStrings("aliases")),
                related(row.getValue("relations")), related(row.getValue("related_from")),
                sourceKeys(row.getValue("source_keys")), row.getInteger("signals_with_data"));
    }

    private static List<TechnologyView.SourceKey> sourceKeys(Object json) {
        JsonArray array = jsonArray(json);
        List<TechnologyView.SourceKey> keys = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject item = array.getJsonObject(i);
            keys.add(new TechnologyView.SourceKey(item.getString("signal"), item.getString("key")));
        }
        return keys;
    }

    private static JsonArray jsonArray(Object json) {
        return json instanceof JsonArray array ? array : new JsonArray(String.valueOf(json));
    }

    private static List<TechnologyView.Related> related(Object json) {
        JsonArray array = jsonArray(json);
        List<TechnologyView.Related> related = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject item = array.getJsonObject(i);
            related.add(new TechnologyView.Related(item.getString("type"), item.getString("slug"), item.getString("name")));
        }
        return related;
    }
}
