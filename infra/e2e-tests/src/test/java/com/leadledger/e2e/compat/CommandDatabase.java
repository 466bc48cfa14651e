package com.leadledger.e2e.compat;

import com.leadledger.testsupport.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command database as a plain SQL script (schema and data as {@code INSERT}s, no owner or privileges): taken with
 * {@code pg_dump} by the generator, loaded over JDBC alone by the test; and what it stores. pg_dump's psql-only
 * restrict and unrestrict meta-commands, which JDBC cannot run, are left out of the script.
 */
final class CommandDatabase {

    /** JVM system property naming the pg_dump executable (default: {@code pg_dump} on the PATH). */
    static final String PG_DUMP_PROPERTY = "leadledger.pg-dump";
    private static final Pattern PSQL_ONLY = Pattern.compile("\\\\(un)?restrict .*");

    private CommandDatabase() {
    }

    static String take(PostgresServer postgres, String database) throws IOException, InterruptedException {
        URI server = URI.create(postgres.jdbcUrl(database).substring("jdbc:".length()));
        ProcessBuilder pgDump = new ProcessBuilder(System.getProperty(PG_DUMP_PROPERTY, "pg_dump"),
                "--host=" + server.getHost(), "--port=" + server.getPort(), "--username=" + postgres.username(),
                "--dbname=" + database, "--inserts", "--no-owner", "--no-privileges", "--no-tablespaces",
                "--encoding=UTF8", "--restrict-key=leadledger")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pgDump.environment().put("PGPASSWORD", postgres.password());
        // bytea in escape form: the stored JSON payloads and metadata stay readable in the script, at half the size
        pgDump.environment().put("PGOPTIONS", "-c bytea_output=escape");
        Process process = pgDump.start();
        String script = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed (exit " + process.exitValue() + "); set -D"
                    + PG_DUMP_PROPERTY + "=<path> to a pg_dump of the server's major version");
        }
        return script.lines().filter(line -> !PSQL_ONLY.matcher(line).matches())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Runs the script on an empty database, as one multi-statement execution, then resets the session settings it
     * changed (it empties the search path, for one).
     */
    static void load(Connection database, String script) throws SQLException {
        try (Statement statement = database.createStatement()) {
            statement.execute(script);
            statement.execute("RESET ALL");
        }
    }

    /** Stored events per type, by the type's simple name. */
    static Map<String, Long> eventTypes(Connection database) throws SQLException {
        Map<String, Long> types = new TreeMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT payloadtype, count(*) FROM domainevententry GROUP BY payloadtype")) {
            while (rows.next()) {
                String type = rows.getString(1);
                types.put(type.substring(type.lastIndexOf('.') + 1), rows.getLong(2));
            }
        }
        return types;
    }
}
