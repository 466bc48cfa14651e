package com.leadledger.query.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.registration.RegistrationStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code registration_view}: the projection writes whole rows; readers filter in SQL, never after loading. */
@Repository
public class RegistrationViewRepository {

    private static final String COLUMNS = """
            registration_id, opportunity_id, partner_id, position, status, customer_legal_name, customer_country,
            customer_tax_id, customer_domain, customer_region, customer_key, product_line, estimated_value_amount,
            estimated_value_currency, expected_close_date, description, accepted_at, policy_version, withdrawn_at,
            withdrawal_reason, updated_at, last_event_id""";

    private static final RowMapper<RegistrationView> ROW = RegistrationViewRepository::map;

    private final JdbcClient jdbc;

    public RegistrationViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RegistrationView> findForUpdate(String registrationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_view WHERE registration_id = :id FOR UPDATE")
                .param("id", registrationId).query(ROW).optional();
    }

    void save(RegistrationView v) {
        jdbc.sql("""
                        INSERT INTO registration_view (%s)
                        VALUES (:registrationId, :opportunityId, :partnerId, :position, :status, :legalName, :country,
                                :taxId, :domain, :region, :customerKey, :productLine, :amount, :currency,
                                :expectedCloseDate, :description, :acceptedAt, :policyVersion, :withdrawnAt,
                                :withdrawalReason, :updatedAt, :lastEventId)
                        ON CONFLICT (registration_id) DO UPDATE SET
                            opportunity_id = EXCLUDED.opportunity_id, partner_id = EXCLUDED.partner_id,
                            position = EXCLUDED.position, status = EXCLUDED.status,
                            customer_legal_name = EXCLUDED.customer_legal_name,
                            customer_country = EXCLUDED.customer_country, customer_tax_id = EXCLUDED.customer_tax_id,
                            customer_domain = EXCLUDED.customer_domain, customer_region = EXCLUDED.customer_region,
                            customer_key = EXCLUDED.customer_key, product_line = EXCLUDED.product_line,
                            estimated_value_amount = EXCLUDED.estimated_value_amount,
                            estimated_value_currency = EXCLUDED.estimated_value_currency,
                            expected_close_date = EXCLUDED.expected_close_date, description = EXCLUDED.description,
                            accepted_at = EXCLUDED.accepted_at, policy_version = EXCLUDED.policy_version,
                            withdrawn_at = EXCLUDED.withdrawn_at, withdrawal_reason = EXCLUDED.withdrawal_reason,
                            updated_at = EXCLUDED.updated_at, last_event_id = EXCLUDED.last_event_id"""
                        .formatted(COLUMNS))
                .param("registrationId", v.registrationId())
                .param("opportunityId", v.opportunityId())
                .param("partnerId", v.partnerId())
                .param("position", v.position())
                .param("status", v.status().name())
                .param("legalName", v.customer().legalName())
                .param("country", v.customer().country())
                .param("taxId", v.customer().taxId())
                .param("domain", v.customer().domain())
                .param("region", v.customer().region())
                .param("customerKey", v.customerKey())
                .param("productLine", v.productLine())
                .param("amount", v.estimatedValue().amount())
                .param("currency", v.estimatedValue().currency())
                .param("expectedCloseDate", Date.valueOf(v.expectedCloseDate()))
                .param("description", v.description())
                .param("acceptedAt", timestamp(v.acceptedAt()))
                .param("policyVersion", v.policyVersion())
                .param("withdrawnAt", timestamp(v.withdrawnAt()))
                .param("withdrawalReason", v.withdrawalReason())
                .param("updatedAt", timestamp(v.updatedAt()))
                .param("lastEventId", v.lastEventId())
                .update();
    }

    /** One registration, if it exists and {@code partnerScope} (when not null) owns it. */
    public Optional<RegistrationView> find(String registrationId, String partnerScope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", registrationId);
        String sql = "SELECT " + COLUMNS + " FROM registration_view WHERE registration_id = :id";
        if (partnerScope != null) {
            sql += " AND partner_id = :partnerId";
            params.put("partnerId", partnerScope);
        }
        return jdbc.sql(sql).params(params).query(ROW).optional();
    }

    /** Newest first (by acceptance time). */
    public List<RegistrationView> list(RegistrationFilter filter, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_view" + where
                        + " ORDER BY accepted_at DESC, registration_id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(ROW).list();
    }

    public long count(RegistrationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM registration_view" + where).params(params).query(Long.class).single();
    }

    /** The registrations filed on an opportunity, in the order it accepted them. */
    public List<RegistrationView> findByOpportunity(String opportunityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_view WHERE opportunity_id = :id ORDER BY position")
                .param("id", opportunityId).query(ROW).list();
    }

    private static String where(RegistrationFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (filter.partnerId() != null) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append("partner_id = :partnerId");
            params.put("partnerId", filter.partnerId());
        }
        if (filter.status() != null) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.productLine() != null) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append("product_line = :productLine");
            params.put("productLine", filter.productLine());
        }
        return where.toString();
    }

    private static RegistrationView map(ResultSet rs, int row) throws SQLException {
        return new RegistrationView(
                rs.getString("registration_id"),
                rs.getString("opportunity_id"),
                rs.getString("partner_id"),
                rs.getInt("position"),
                RegistrationStatus.valueOf(rs.getString("status")),
                new CustomerIdentity(rs.getString("customer_legal_name"), rs.getString("customer_country"),
                        rs.getString("customer_tax_id"), rs.getString("customer_domain"),
                        rs.getString("customer_region")),
                rs.getString("customer_key"),
                rs.getString("product_line"),
                new Money(rs.getBigDecimal("estimated_value_amount"), rs.getString("estimated_value_currency")),
                rs.getObject("expected_close_date", LocalDate.class),
                rs.getString("description"),
                instant(rs, "accepted_at"),
                rs.getLong("policy_version"),
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawal_reason"),
                instant(rs, "updated_at"),
                rs.getString("last_event_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
