package com.leadledger.localruntime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void keepsItsDatabasesAcrossRunsOnTheSameDataDirectory() throws Exception {
        Path log = dir.resolve("logs/postgres.log");
        try (LocalPostgres pg = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).keepData(true).logFile(log)
                .setting("max_connections", "50").start()) {
            assertThat(pg.postmasterPid()).isPresent();
            assertThat(pg.createDatabaseIfMissing("ledger")).isTrue();
            assertThat(pg.createDatabaseIfMissing("ledger")).isFalse();
            try (Connection c = pg.connect("ledger"); Statement st = c.createStatement()) {
                st.execute("create table kept (id int primary key)");
                st.execute("insert into kept values (7)");
            }
        }
        assertThat(log).isNotEmptyFile();

        try (LocalPostgres again = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).keepData(true).start();
             Connection c = again.connect("ledger"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from kept")) {
            assertThat(again.createDatabaseIfMissing("ledger")).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void isDurableUnlessToldOtherwise() throws Exception {
        try (LocalPostgres durable = LocalPostgres.builder().start()) {
            assertThat(setting(durable, "fsync")).isEqualTo("on");
            assertThat(setting(durable, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(durable, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aTakenPortIsNamedInTheMessage() throws Exception {
        try (LocalPostgres first = LocalPostgres.builder().notDurable().start()) {
            assertThat(first.postmasterPid()).isEmpty();
            assertThat(setting(first, "fsync")).isEqualTo("off");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("off");
            assertThatThrownBy(() -> LocalPostgres.builder().port(first.port(), "PostgreSQL, MY_PORT").start())
                    .hasMessageContaining("port " + first.port() + " (PostgreSQL, MY_PORT) is already in use");
        }
    }

    @Test
    void withPasswordAuthenticationNoConnectionGetsInWithoutThePassword() throws Exception {
        try (LocalPostgres pg = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).notDurable()
                .passwordAuthentication("first-Secret").start()) {
            assertThat(setting(pg, "password_encryption")).isEqualTo("scram-sha-256");
            assertThat(pg.password()).isEqualTo("first-Secret");
            assertRefusedWithoutThePassword(pg, "first-Secret");
            assertThat(dir.resolve("pg/pg_hba.conf")).content().doesNotContainPattern("(?m)^[^#]*\\strust\\b");
        }
    }

    @Test
    void aClusterThatTrustedEveryConnectionAsksForPasswordsOnceStartedWithOne() throws Exception {
        try (LocalPostgres trusting = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).keepData(true)
                .notDurable().start(); Connection c = trusting.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("create table kept (id int primary key)");
            assertThat(DriverManager.getConnection(trusting.jdbcUrl("postgres"), "postgres", "anything")).isNotNull();
        }

        try (LocalPostgres converted = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).keepData(true)
                .notDurable().passwordAuthentication("new-Secret").start()) {
            assertRefusedWithoutThePassword(converted, "new-Secret");
            try (Connection c = converted.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("select * from kept");
            }
        }
    }

    private static void assertRefusedWithoutThePassword(LocalPostgres pg, String password) throws Exception {
        String url = pg.jdbcUrl("postgres");
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static String setting(LocalPostgres pg, String name) throws Exception {
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
