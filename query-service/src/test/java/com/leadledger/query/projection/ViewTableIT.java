package com.leadledger.query.projection;

import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both writes of a {@link ViewTable} against a real PostgreSQL: the batched statement and the COPY store the same
 * bytes for the same rows, whatever characters the values hold; a COPY never half-succeeds and leaves its connection
 * usable; a table of views replaces a stored row, a table of entries keeps it.
 */
class ViewTableIT {

    record Row(String id, String text, Integer count, Long big, Instant at, String json, List<String> tags,
               Thread.State state) {
    }

    private static SingleConnectionDataSource database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void connect() {
        PostgresServer pg = TestInfrastructure.postgres();
        // one connection, so that a COPY left open on it would break the next statement
        database = new SingleConnectionDataSource(pg.jdbcUrl(pg.freshDatabase("view_table")), pg.username(),
                pg.password(), true);
        jdbc = new JdbcTemplate(database);
    }

    @AfterAll
    static void disconnect() {
        database.destroy();
    }

    @Test
    void theCopyStoresTheBytesTheBatchedStatementStores() {
        String batched = table();
        String copied = table();
        List<Row> rows = awkwardRows();

        views(batched).writeAll(jdbc, rows);
        views(copied).copyAll(jdbc, rows);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + batched + " b FULL JOIN " + copied + " c USING (id)"
                + " WHERE b.id IS NULL OR c.id IS NULL OR NOT (ROW(b.*)::record *= ROW(c.*)::record)", Long.class))
                .as("rows that differ").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + copied, Long.class)).isEqualTo(rows.size());
        for (Row row : rows) {
            Map<String, Object> stored = jdbc.queryForMap("SELECT text, count, big, json::text AS json,"
                    + " array_to_string(tags, '|', '<null>') AS tags, state FROM " + copied + " WHERE id = ?", row.id());
            assertThat(stored.get("text")).as(row.id()).isEqualTo(row.text());
            assertThat(stored.get("count")).as(row.id()).isEqualTo(row.count());
            assertThat(stored.get("big")).as(row.id()).isEqualTo(row.big());
            assertThat(stored.get("json")).as(row.id()).isEqualTo(row.json() == null ? null
                    : jdbc.queryForObject("SELECT CAST(? AS jsonb)::text", String.class, row.json()));
            assertThat(stored.get("tags")).as(row.id()).isEqualTo(row.tags() == null ? null
                    : String.join("|", row.tags().stream().map(tag -> tag == null ? "<null>" : tag).toList()));
            assertThat(stored.get("state")).as(row.id()).isEqualTo(row.state() == null ? null : row.state().name());
        }
    }

    /** PostgreSQL keeps microseconds: both writes round an instant's nanoseconds half up, the same way. */
    @Test
    void instantsAreRoundedToMicrosecondsHalfUpByBothWrites() {
        String batched = table();
        String copied = table();
        List<Row> rows = List.of(
                at("down", Instant.parse("2026-12-07T01:02:03.123456499Z")),
                at("up", Instant.parse("2026-12-07T01:02:03.123456500Z")),
                at("over-the-second", Instant.parse("2026-12-07T01:02:03.999999500Z")));

        views(batched).writeAll(jdbc, rows);
        views(copied).copyAll(jdbc, rows);

        for (String table : List.of(batched, copied)) {
            assertThat(jdbc.queryForList("SELECT to_char(at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM " + table
                    + " ORDER BY id", String.class)).as(table)
                    .containsExactly("01:02:03.123456", "01:02:04.000000", "01:02:03.123457");
        }
    }

    @Test
    void aCopyOfAStoredKeyFailsWholeAndTheConnectionStaysUsable() {
        String table = table();
        Row stored = row("stored", "before");
        views(table).writeAll(jdbc, List.of(stored));

        assertThatThrownBy(() -> views(table).copyAll(jdbc, List.of(row("new", "x"), row("stored", "after"))))
                .hasStackTraceContaining("duplicate key");

        assertThat(jdbc.queryForList("SELECT id || '=' || text FROM " + table, String.class))
                .containsExactly("stored=before");
    }

    @Test
    void aCopyThatFailsWhileItWritesStoresNothingAndTheConnectionStaysUsable() {
        String table = table();
        ViewTable<Row> failing = ViewTable.<Row>of(table, "id")
                .text("id", Row::id)
                .text("text", row -> {
                    if (row.id().equals("bad")) {
                        throw new IllegalStateException("cannot render " + row.id());
                    }
                    return row.text();
                })
                .replacing();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(row("ok-" + i, "x".repeat(100))); // more than the copy's buffers, so some rows were sent
        }
        rows.add(row("bad", "y"));

        assertThatThrownBy(() -> failing.copyAll(jdbc, rows)).hasMessage("cannot render bad");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)).isZero();
    }

    @Test
    void aTableOfViewsReplacesAStoredRowATableOfEntriesKeepsIt() {
        String views = table();
        String entries = table();
        views(views).writeAll(jdbc, List.of(row("a", "first")));
        entries(entries).writeAll(jdbc, List.of(row("a", "first")));

        views(views).writeAll(jdbc, List.of(row("a", "second"), row("b", "new")));
        entries(entries).writeAll(jdbc, List.of(row("a", "second"), row("b", "new")));

        assertThat(jdbc.queryForList("SELECT id || '=' || text FROM " + views + " ORDER BY id", String.class))
                .containsExactly("a=second", "b=new");
        assertThat(jdbc.queryForList("SELECT id || '=' || text FROM " + entries + " ORDER BY id", String.class))
                .containsExactly("a=first", "b=new");
    }

    private static List<Row> awkwardRows() {
        Instant at = Instant.parse("2026-12-07T01:02:03.123456789Z");
        return List.of(
                new Row("plain", "hello", 1, 2L, at, "{\"a\": 1}", List.of("x", "y"), Thread.State.NEW),
                new Row("escapes", "back\\slash\ttab\nnewline\rreturn \\N \\. end", -7, Long.MAX_VALUE, at,
                        "{\"s\": \"tab\\t quote\\\" backslash\\\\ newline\\n\", \"n\": 10.0, \"u\": \"\\u00e9\"}",
                        List.of("quo\"te", "back\\slash", "com,ma", "{brace}", "", "NULL", "spa ce", "tab\t"),
                        Thread.State.BLOCKED),
                new Row("unicode", "Ёлка 日本 🙂 ü", 0, 0L, at.plusNanos(1), "[\"日本\", \"🙂\"]", List.of("Ёлка"),
                        Thread.State.RUNNABLE),
                new Row("nulls", null, null, null, null, null, null, null),
                new Row("empty", "", Integer.MIN_VALUE, Long.MIN_VALUE, Instant.EPOCH, "{}", List.of(), null),
                new Row("null-tag", "n", 3, 4L, at, "null", Arrays.asList("a", null, "b"), Thread.State.WAITING));
    }

    private static Row row(String id, String text) {
        return new Row(id, text, null, null, null, null, null, null);
    }

    private static Row at(String id, Instant at) {
        return new Row(id, null, null, null, at, null, null, null);
    }

    private static String table() {
        String name = "view_table_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE TABLE " + name + " (id text PRIMARY KEY, text text, count integer, big bigint,"
                + " at timestamptz, json jsonb, tags text[], state text)");
        return name;
    }

    private static ViewTable<Row> views(String table) {
        return columns(table).replacing();
    }

    private static ViewTable<Row> entries(String table) {
        return columns(table).addingOnce();
    }

    private static ViewTable.Builder<Row> columns(String table) {
        return ViewTable.<Row>of(table, "id")
                .text("id", Row::id)
                .text("text", Row::text)
                .integer("count", Row::count)
                .bigint("big", Row::big)
                .timestamptz("at", Row::at)
                .jsonb("json", Row::json)
                .textArray("tags", Row::tags)
                .name("state", Row::state);
    }
}
