package dev.techtrends.web.csv;

import java.util.List;

/**
 * A response that also answers {@code Accept: text/csv}: one line per row, one column per component of the row
 * record, in declaration order, named in snake_case. The same resource method serves both forms.
 */
public interface CsvTable {

    /** The record type of the rows; its components are the columns. */
    Class<? extends Record> csvRowType();

    /** The rows, each an instance of {@link #csvRowType()}. */
    List<? extends Record> csvRows();
}
