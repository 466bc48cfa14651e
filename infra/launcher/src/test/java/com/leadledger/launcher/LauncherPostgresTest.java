package com.leadledger.launcher;

import com.leadledger.localruntime.LocalPostgres;
import com.leadledger.localruntime.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL the launcher starts keeps what it acknowledged (a crash of the OS loses no committed transaction) and
 * lets nobody in without a password: its superuser and the services' roles have generated ones, which the operator
 * finds in {@code credentials.env}.
 */
class LauncherPostgresTest {

    @Test
    void theLaunchersPostgresIsDurable(@TempDir Path dir) throws Exception {
        LauncherConfig config = config(dir);
        try (LocalPostgres postgres = LocalSystem.postgres(config, config.home().resolve("pg"),
                config.home().resolve("logs"), "a-Password").start()) {
            assertThat(show(postgres, "fsync")).isEqualTo("on");
            assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(show(postgres, "full_page_writes")).isEqualTo("on");
            assertThat(show(postgres, "max_connections")).isEqualTo("200");
        }
    }

    @Test
    void theLaunchersClusterRefusesAConnectionWithoutPasswordAndTheCredentialsFileIsOwnerOnly(@TempDir Path dir)
            throws Exception {
        LauncherConfig config = config(dir);
        Path file = config.home().resolve("credentials.env");
        Map<String, String> first;
        try (LocalPostgres postgres = start(config)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.home())))
                    .isEqualTo("rwx------");
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
            assertThat(lines).allMatch(line -> line.matches("export [A-Z][A-Z0-9_]*=[A-Za-z0-9_-]+"));
            first = exports(lines);
            assertThat(first).containsOnlyKeys("LEADLEDGER_PG_SUPERUSER", "LEADLEDGER_PG_SUPERUSER_PASSWORD",
                    "LEADLEDGER_DB_MIGRATION_USER", "LEADLEDGER_DB_MIGRATION_PASSWORD", "LEADLEDGER_DB_USER",
                    "LEADLEDGER_DB_PASSWORD");
            assertThat(first).containsEntry("LEADLEDGER_PG_SUPERUSER", "postgres")
                    .containsEntry("LEADLEDGER_DB_MIGRATION_USER", "leadledger_owner")
                    .containsEntry("LEADLEDGER_DB_USER", "leadledger_app");
            assertThat(first.get("LEADLEDGER_PG_SUPERUSER_PASSWORD")).hasSizeGreaterThanOrEqualTo(32)
                    .isNotEqualTo(first.get("LEADLEDGER_DB_PASSWORD"));

            String url = postgres.jdbcUrl(LauncherConfig.COMMAND_DB);
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "leadledger_app", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                    .hasMessageContaining("password authentication failed");
            assertThat(hbaMethods(config)).isNotEmpty().containsOnly("scram-sha-256");

            try (Connection superuser = DriverManager.getConnection(url, "postgres",
                    first.get("LEADLEDGER_PG_SUPERUSER_PASSWORD"));
                 Connection app = DriverManager.getConnection(url, "leadledger_app", first.get("LEADLEDGER_DB_PASSWORD"));
                 Connection owner = DriverManager.getConnection(postgres.jdbcUrl(LauncherConfig.QUERY_DB),
                         "leadledger_owner", first.get("LEADLEDGER_DB_MIGRATION_PASSWORD"))) {
                assertThat(app.isValid(5) && owner.isValid(5)).isTrue();
                assertThat(single(superuser, "SELECT string_agg(DISTINCT pg_get_userbyid(datdba), ',') FROM pg_database"
                        + " WHERE datname IN ('leadledger_command', 'leadledger_query')")).isEqualTo("leadledger_owner");
            }
        }

        try (LocalPostgres again = start(config)) {
            assertThat(exports(Files.readAllLines(file))).as("a second start keeps the passwords").isEqualTo(first);
            try (Connection app = DriverManager.getConnection(again.jdbcUrl(LauncherConfig.QUERY_DB), "leadledger_app",
                    first.get("LEADLEDGER_DB_PASSWORD"))) {
                assertThat(app.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aClusterOfAnEarlierLauncherStopsTrustingAndItsTablesPassToTheMigrationOwner(@TempDir Path dir)
            throws Exception {
        LauncherConfig config = config(dir);
        try (LocalPostgres earlier = LocalPostgres.builder().dataDirectory(config.home().resolve("pg")).keepData(true)
                .notDurable().start()) {
            earlier.createDatabaseIfMissing(LauncherConfig.COMMAND_DB);
            try (Connection db = earlier.connect(LauncherConfig.COMMAND_DB); Statement st = db.createStatement()) {
                st.execute("CREATE TABLE domainevententry (globalindex BIGSERIAL PRIMARY KEY)");
            }
        }

        try (LocalPostgres postgres = start(config)) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), noPassword).close())
                    .isInstanceOf(SQLException.class);
            assertThat(hbaMethods(config)).doesNotContain("trust");
            try (Connection db = postgres.connect(LauncherConfig.COMMAND_DB)) {
                assertThat(single(db, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'domainevententry'"))
                        .isEqualTo("leadledger_owner");
                assertThat(single(db, "SELECT pg_get_userbyid(relowner) FROM pg_class"
                        + " WHERE relname = 'domainevententry_globalindex_seq'")).isEqualTo("leadledger_owner");
            }
        }
    }

    private static LauncherConfig config(Path dir) {
        return LauncherConfig.from(Map.of("LEADLEDGER_PG_PORT", Integer.toString(Processes.freePort())), dir);
    }

    private static LocalPostgres start(LauncherConfig config) throws Exception {
        return LauncherDatabases.start(config, config.home().resolve("pg"), config.home().resolve("logs")).server();
    }

    private static Map<String, String> exports(List<String> lines) {
        Map<String, String> exports = new LinkedHashMap<>();
        lines.stream().filter(l -> l.startsWith("export ")).map(l -> l.substring("export ".length()).split("=", 2))
                .forEach(pair -> exports.put(pair[0], pair[1]));
        return exports;
    }

    /** The authentication methods of pg_hba.conf's rules. */
    private static List<String> hbaMethods(LauncherConfig config) throws Exception {
        return Files.readAllLines(config.home().resolve("pg/pg_hba.conf")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+"))
                .map(fields -> fields[fields.length - 1]).toList();
    }

    private static String single(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String show(LocalPostgres postgres, String setting) throws Exception {
        try (Connection db = postgres.connect("postgres"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
