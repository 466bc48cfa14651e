package com.leadledger.command.program.rebate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The partners that won deals in an interval {@code [from, to)}, from the command side's {@code program_deal}. */
@Component
class RebatePartners {

    private final JdbcClient jdbc;

    RebatePartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> withWins(Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT partner_id FROM program_deal WHERE won_at >= :from AND won_at < :to "
                        + "ORDER BY partner_id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(String.class)
                .list();
    }
}
