package com.leadledger.testsupport;

import com.leadledger.localruntime.KafkaTestClients;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInfrastructureTest {

    @Test
    void postgresCreatesDatabasesAndAnswersQueries() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        assertThat(TestInfrastructure.postgres()).isSameAs(pg);

        String url = pg.jdbcUrl("ts_smoke");
        assertThat(pg.jdbcUrl("ts_smoke")).isEqualTo(url);
        assertThat(url).startsWith("jdbc:postgresql://").contains("/ts_smoke");
        try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1, current_database(), current_setting('server_version_num')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ts_smoke");
            assertThat(rs.getInt(3)).isGreaterThanOrEqualTo(150000);
        }

        String a = pg.freshDatabase("Command-IT");
        String b = pg.freshDatabase("Command-IT");
        assertThat(a).isNotEqualTo(b).startsWith("command_it_");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(a), pg.username(), pg.password());
             Statement st = c.createStatement()) {
            st.execute("create table t (id int primary key)");
            st.execute("insert into t values (1)");
        }
        assertThatThrownBy(() -> pg.jdbcUrl("bad name; drop")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsDatabasesBelongToTheMigrationOwnerAndTheApplicationRoleMayOnlyConnect() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        String database = pg.freshDatabase("roles");

        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.username(), pg.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT pg_get_userbyid(datdba), has_database_privilege(:app, datname, 'CONNECT'),
                            has_database_privilege(:app, datname, 'TEMPORARY'),
                            has_database_privilege(:app, datname, 'CREATE'),
                            (SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = :app)
                     FROM pg_database WHERE datname = current_database()""".replace(":app",
                     "'" + pg.roles().appUser() + "'"))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(pg.roles().migrationUser());
            assertThat(rs.getBoolean(2)).as("connect").isTrue();
            assertThat(rs.getBoolean(3)).as("temporary tables").isFalse();
            assertThat(rs.getBoolean(4)).as("create schemas").isFalse();
            assertThat(rs.getBoolean(5)).as("superuser, create databases or roles").isFalse();
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.roles().migrationUser(),
                pg.roles().migrationPassword()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE owned (id int PRIMARY KEY)");
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.roles().appUser(),
                pg.roles().appPassword()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("SELECT * FROM owned")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("CREATE TABLE mine (id int)")).hasMessageContaining("permission denied");
        }
        assertThat(pg.serviceProperties(database)).containsEntry("spring.datasource.username", pg.roles().appUser())
                .containsEntry("spring.flyway.user", pg.roles().migrationUser())
                .containsEntry("spring.datasource.url", pg.jdbcUrl(database));
    }

    @Test
    void kafkaRoundTripsARecord() throws Exception {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        String topic = "ts-smoke-" + UUID.randomUUID();
        KafkaTestClients.produce(bootstrap, topic, "k", "hello");
        var records = KafkaTestClients.consume(bootstrap, topic, 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("k");
        assertThat(records.get(0).value()).isEqualTo("hello");
    }
}
