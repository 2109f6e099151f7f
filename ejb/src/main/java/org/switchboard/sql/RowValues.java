package org.switchboard.sql;

import jakarta.persistence.Query;
import java.util.List;

/**
 * A lookup of many rows by a composite key as a row-value {@code IN}: {@code (a, b) in ((?, ?), (?, ?))}. H2 uses no
 * index for {@code a = ? and b in (...)} when {@code b} is not the index's first column (it reads every row of
 * {@code a}, measured: an account's every contact for each batch of an import); for row values it looks each up in
 * the index, as PostgreSQL does for both.
 */
public final class RowValues {

    private RowValues() {
    }

    /**
     * {@code (columns) in ((?, ...), ...)} for {@code rows} rows of as many values as {@code columns} names, the
     * parameters numbered from {@code first}.
     */
    public static String in(String columns, int rows, int first) {
        int width = columns.split(",").length;
        StringBuilder sql = new StringBuilder("(").append(columns).append(") in (");
        int parameter = first;
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                sql.append(c == 0 ? "?" : ", ?").append(parameter++);
            }
            sql.append(')');
        }
        return sql.append(')').toString();
    }

    /** Binds each row's values: {@code fixed} first (the same for every row), then the row's own value. */
    public static Query bind(Query query, int first, List<?> fixed, List<String> values) {
        int parameter = first;
        for (String value : values) {
            for (Object same : fixed) {
                query.setParameter(parameter++, same);
            }
            query.setParameter(parameter++, value);
        }
        return query;
    }
}
