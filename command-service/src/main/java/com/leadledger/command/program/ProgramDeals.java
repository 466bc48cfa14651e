package com.leadledger.command.program;

import com.leadledger.events.common.Money;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWon;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** {@link ProgramFacts} from the table {@code program_deal}, written in the same transaction as the events. */
@Component
@ProcessingGroup("command-views")
class ProgramDeals implements ProgramFacts {

    private static final String COLUMNS = "registration_id, partner_id, product_line, expected_close_date, "
            + "submitted_at, won_amount, won_currency, won_at";

    private static final RowMapper<Deal> DEAL = (rs, n) -> new Deal(
            rs.getString("registration_id"),
            rs.getString("partner_id"),
            rs.getString("product_line"),
            rs.getDate("expected_close_date").toLocalDate(),
            rs.getTimestamp("submitted_at").toInstant(),
            rs.getBigDecimal("won_amount") == null ? null
                    : new Money(rs.getBigDecimal("won_amount"), rs.getString("won_currency")),
            rs.getTimestamp("won_at") == null ? null : rs.getTimestamp("won_at").toInstant());

    private final JdbcClient jdbc;

    ProgramDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegistrationSubmitted event) {
        jdbc.sql("""
                        INSERT INTO program_deal (registration_id, partner_id, product_line, expected_close_date,
                                                  submitted_at)
                        VALUES (:registrationId, :partnerId, :productLine, :expectedCloseDate, :submittedAt)
                        ON CONFLICT (registration_id) DO NOTHING""")
                .param("registrationId", event.registrationId())
                .param("partnerId", event.partnerId())
                .param("productLine", event.productLine())
                .param("expectedCloseDate", event.expectedCloseDate())
                .param("submittedAt", Timestamp.from(event.acceptedAt()))
                .update();
    }

    @EventHandler
    void on(RegistrationWon event) {
        jdbc.sql("""
                        UPDATE program_deal SET won_amount = :amount, won_currency = :currency, won_at = :wonAt
                        WHERE registration_id = :registrationId""")
                .param("amount", event.finalValue().amount())
                .param("currency", event.finalValue().currency())
                .param("wonAt", Timestamp.from(event.reportedAt()))
                .param("registrationId", event.registrationId())
                .update();
    }

    @Override
    public List<Deal> submittedBy(String partnerId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_deal WHERE partner_id = :partnerId "
                        + "AND submitted_at >= :from AND submitted_at < :to ORDER BY submitted_at, registration_id")
                .param("partnerId", partnerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DEAL)
                .list();
    }

    @Override
    public List<Deal> wonBy(String partnerId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_deal WHERE partner_id = :partnerId "
                        + "AND won_at >= :from AND won_at < :to ORDER BY won_at, registration_id")
                .param("partnerId", partnerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DEAL)
                .list();
    }
}
