package dev.techtrends.web;

import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps the rows of a result set to records, in order. */
public final class Rows {
    private Rows() {
    }

    public static <T> List<T> map(Iterable<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(mapper.apply(row));
        }
        return items;
    }
}
