package com.leadledger.query.projection;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load a {@link ViewProjection} makes per batch of events, for the repositories of the read models; their writes
 * are {@link ViewTable}'s.
 */
public final class ViewRows {

    private ViewRows() {
    }

    /**
     * The rows of {@code table} whose {@code idColumn} is one of {@code ids}, by id, locked until the transaction ends
     * in id order (byte order, as Java sorts ids: every transaction locks shared rows in the same order).
     *
     * @param columns what to select; {@code row} reads it
     */
    public static <V> Map<String, V> lockAll(JdbcClient jdbc, String table, String idColumn, String columns,
                                             List<String> ids, RowMapper<V> row) {
        Map<String, V> found = new HashMap<>();
        jdbc.sql("SELECT " + idColumn + " AS view_row_id, " + columns + " FROM " + table + " WHERE " + idColumn
                        + " = ANY(CAST(:ids AS text[])) ORDER BY " + idColumn + " COLLATE \"C\" FOR UPDATE")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("view_row_id"), row.mapRow(rs, n)))
                .list()
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }
}
