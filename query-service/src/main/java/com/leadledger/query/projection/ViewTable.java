package com.leadledger.query.projection;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the rows of one read model's table are written: its columns, each with the member of the view it holds and that
 * member's PostgreSQL type. The one description gives the load a projection makes per batch ({@link #lockAll}) and
 * both of its writes:
 * <ul>
 *   <li>{@link #writeAll}: a batched {@code INSERT … ON CONFLICT} with positional parameters (no map of named
 *       parameters per row), which adds a row or replaces it ({@link Builder#replacing}), or leaves a stored one
 *       alone ({@link Builder#addingOnce}); safe with concurrent writers;</li>
 *   <li>{@link #copyAll}: PostgreSQL's {@code COPY … FROM STDIN}, for rows a table does not hold yet and that nobody
 *       else writes meanwhile (a rebuild's shadow table): one stream of text rows instead of a statement per row
 *       (with it and the positional parameters, a rebuild's replay ran 1.3 × as fast; docs/performance.md), and it
 *       fails on a row whose key is stored.</li>
 * </ul>
 * Both store the same bytes for the same view: instants are rounded to PostgreSQL's microseconds here, half up, before
 * either write, so neither the driver's nor the server's rounding decides.
 *
 * @param <V> the view record
 */
public final class ViewTable<V> {

    private static final Logger log = LoggerFactory.getLogger(ViewTable.class);

    private final String table;
    private final List<String> key;
    private final List<Column<V>> columns;
    private final String writeSql;
    private final String copySql;

    private ViewTable(String table, List<String> key, List<Column<V>> columns, boolean replacing) {
        this.table = table;
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
        List<String> names = columns.stream().map(Column::name).toList();
        if (key.isEmpty() || !names.containsAll(key)) {
            throw new IllegalArgumentException(table + ": key " + key + " is not among the columns " + names);
        }
        if (replacing && names.size() == key.size()) {
            throw new IllegalArgumentException(table + ": no column besides the key " + key + " to replace");
        }
        String values = columns.stream().map(column -> column.type().placeholder).collect(Collectors.joining(", "));
        String onConflict = replacing ? "UPDATE SET " + names.stream().filter(name -> !key.contains(name))
                .map(name -> name + " = EXCLUDED." + name).collect(Collectors.joining(", ")) : "NOTHING";
        this.writeSql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + values + ")"
                + " ON CONFLICT (" + String.join(", ", key) + ") DO " + onConflict;
        this.copySql = "COPY " + table + " (" + String.join(", ", names) + ") FROM STDIN";
    }

    /** A table whose rows are the views {@code V}, found by {@code key} (its primary key's columns). */
    public static <V> Builder<V> of(String table, String... key) {
        return new Builder<>(table, List.of(key));
    }

    /** The columns, in the order both writes list them. */
    public List<String> columns() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The stored rows whose key is one of {@code ids}, by key, locked until the transaction ends in key order (byte
     * order, as Java sorts ids: every transaction locks shared rows in the same order). For a table keyed by one column.
     *
     * @param selected what to select; {@code row} reads it
     */
    public Map<String, V> lockAll(JdbcClient jdbc, String selected, List<String> ids, RowMapper<V> row) {
        if (key.size() != 1) {
            throw new IllegalStateException(table + " is keyed by " + key + ", not by one id");
        }
        String id = key.get(0);
        Map<String, V> found = new HashMap<>();
        jdbc.sql("SELECT " + id + " AS view_row_id, " + selected + " FROM " + table + " WHERE " + id
                        + " = ANY(CAST(:ids AS text[])) ORDER BY " + id + " COLLATE \"C\" FOR UPDATE")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("view_row_id"), row.mapRow(rs, n)))
                .list()
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    /** Adds the rows, or replaces (or keeps, for a table of entries) those stored under their keys; one round trip. */
    public void writeAll(JdbcTemplate jdbc, List<V> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(writeSql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                V row = rows.get(i);
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c).bind(statement, c + 1, row);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * Adds the rows with {@code COPY}, in the caller's transaction. Only for rows the table does not hold and that no
     * other transaction adds meanwhile: a key already stored fails the copy, and with it the transaction.
     */
    public void copyAll(JdbcTemplate jdbc, List<V> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
            Writer out = new OutputStreamWriter(copy, StandardCharsets.UTF_8);
            boolean ended = false;
            try {
                StringBuilder line = new StringBuilder(1024);
                for (V row : rows) {
                    line.setLength(0);
                    for (int c = 0; c < columns.size(); c++) {
                        if (c > 0) {
                            line.append('\t');
                        }
                        columns.get(c).copyText(line, row);
                    }
                    out.append(line.append('\n'));
                }
                out.close(); // ends the copy: the server checks the rows now
                ended = true;
            } catch (IOException e) {
                if (e.getCause() instanceof SQLException refused) {
                    throw refused; // the server's reason (a duplicate key, a constraint), translated as for any statement
                }
                throw new UncheckedIOException("COPY into " + table + " failed: " + e.getMessage(), e);
            } finally {
                if (!ended) {
                    cancel(copy); // whatever failed, the connection must not be left inside the copy
                }
            }
            return null;
        });
    }

    /** Ends a copy that failed on this side, so the connection can be used again; what failed is what is thrown. */
    private static void cancel(PGCopyOutputStream copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            log.warn("could not cancel a failed COPY", e);
        }
    }

    /** The PostgreSQL types of the columns, with how each is bound to a statement and written as COPY text. */
    private enum Type {
        TEXT("?"), INTEGER("?"), BIGINT("?"), TIMESTAMPTZ("?"), JSONB("CAST(? AS jsonb)"), TEXT_ARRAY("?");

        final String placeholder;

        Type(String placeholder) {
            this.placeholder = placeholder;
        }
    }

    private record Column<V>(String name, Type type, Function<V, ?> value) {

        void bind(PreparedStatement statement, int index, V row) throws SQLException {
            Object v = value.apply(row);
            switch (type) {
                case TEXT, JSONB -> statement.setString(index, (String) v);
                case INTEGER -> statement.setObject(index, v, Types.INTEGER);
                case BIGINT -> statement.setObject(index, v, Types.BIGINT);
                case TIMESTAMPTZ -> statement.setTimestamp(index, v == null ? null : Timestamp.from(micros((Instant) v)));
                case TEXT_ARRAY -> statement.setArray(index, v == null ? null : statement.getConnection()
                        .createArrayOf("text", ((Collection<?>) v).toArray()));
            }
        }

        /** The value in COPY's text format: {@code \N} for null, backslash escapes for the format's own characters. */
        void copyText(StringBuilder line, V row) {
            Object v = value.apply(row);
            if (v == null) {
                line.append("\\N");
                return;
            }
            switch (type) {
                case TEXT, JSONB -> escape(line, (String) v);
                case INTEGER, BIGINT -> line.append(((Number) v).longValue());
                case TIMESTAMPTZ -> line.append(micros((Instant) v));
                case TEXT_ARRAY -> escape(line, arrayLiteral((Collection<?>) v));
            }
        }

        private static Instant micros(Instant instant) {
            return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        }

        /** PostgreSQL's array literal: every element double-quoted, its quotes and backslashes escaped. */
        private static String arrayLiteral(Collection<?> elements) {
            StringBuilder literal = new StringBuilder("{");
            for (Object element : elements) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                if (element == null) {
                    literal.append("NULL");
                    continue;
                }
                literal.append('"');
                String text = element.toString();
                for (int i = 0; i < text.length(); i++) {
                    char ch = text.charAt(i);
                    if (ch == '"' || ch == '\\') {
                        literal.append('\\');
                    }
                    literal.append(ch);
                }
                literal.append('"');
            }
            return literal.append('}').toString();
        }

        private static void escape(StringBuilder line, String text) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> line.append("\\\\");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    default -> line.append(ch);
                }
            }
        }
    }

    public static final class Builder<V> {

        private final String table;
        private final List<String> key;
        private final List<Column<V>> columns = new ArrayList<>();

        private Builder(String table, List<String> key) {
            this.table = table;
            this.key = key;
        }

        public Builder<V> text(String column, Function<V, String> value) {
            return add(column, Type.TEXT, value);
        }

        /** A text column holding an enum constant's name. */
        public Builder<V> name(String column, Function<V, ? extends Enum<?>> value) {
            return add(column, Type.TEXT, view -> {
                Enum<?> constant = value.apply(view);
                return constant == null ? null : constant.name();
            });
        }

        public Builder<V> integer(String column, Function<V, Integer> value) {
            return add(column, Type.INTEGER, value);
        }

        public Builder<V> bigint(String column, Function<V, Long> value) {
            return add(column, Type.BIGINT, value);
        }

        public Builder<V> timestamptz(String column, Function<V, Instant> value) {
            return add(column, Type.TIMESTAMPTZ, value);
        }

        /** A jsonb column, given as JSON text. */
        public Builder<V> jsonb(String column, Function<V, String> value) {
            return add(column, Type.JSONB, value);
        }

        public Builder<V> textArray(String column, Function<V, ? extends Collection<String>> value) {
            return add(column, Type.TEXT_ARRAY, value);
        }

        /** A table of view instances: a write replaces the stored row of the same key. */
        public ViewTable<V> replacing() {
            return new ViewTable<>(table, key, columns, true);
        }

        /** A table of entries written once: a write leaves the stored row of the same key as it is (a redelivery). */
        public ViewTable<V> addingOnce() {
            return new ViewTable<>(table, key, columns, false);
        }

        private Builder<V> add(String column, Type type, Function<V, ?> value) {
            if (columns.stream().anyMatch(existing -> existing.name().equals(column))) {
                throw new IllegalArgumentException(table + "." + column + " is listed twice");
            }
            columns.add(new Column<>(column, type, value));
            return this;
        }
    }
}
