package com.leadledger.command.program.points;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The policy version in force at an instant: the latest one published at or before it. */
@Component
class PolicyVersionAt {

    private final JdbcClient jdbc;

    PolicyVersionAt(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> at(Instant instant) {
        return Optional.ofNullable(jdbc.sql("SELECT max(version) FROM policy_version WHERE published_at <= :at")
                .param("at", Timestamp.from(instant))
                .query(Long.class).single());
    }
}
