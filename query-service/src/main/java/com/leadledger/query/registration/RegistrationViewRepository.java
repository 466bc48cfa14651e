package com.leadledger.query.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerNames;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.query.registration.RegistrationView.Outcome;
import com.leadledger.query.registration.RegistrationView.PendingExtension;
import com.leadledger.query.registration.RegistrationView.Rejection;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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
            withdrawal_reason, discount_percent, protection_days, protected_until, supported, review_level,
            review_due_at, extensions_granted, pending_extension_id, pending_extension_days, pending_extension_reason,
            pending_extension_requested_at, rejection_reason_code, rejection_note, rejection_earlier_registered_at,
            outcome_result, outcome_final_value_amount, outcome_final_value_currency, outcome_reason,
            outcome_reported_at, decided_at, updated_at, last_event_id""";

    private static final RowMapper<RegistrationView> ROW = RegistrationViewRepository::map;

    private final JdbcClient jdbc;

    public RegistrationViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RegistrationView> findForUpdate(String registrationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_view WHERE registration_id = :id FOR UPDATE")
                .param("id", registrationId).query(ROW).optional();
    }

    /**
     * Inserts or replaces the row. The customer's normalized legal name ({@link CustomerNames#normalize}) is stored
     * next to it, for the similarity search of possible duplicates.
     */
    void save(RegistrationView v) {
        PendingExtension pending = v.pendingExtension();
        Rejection rejection = v.rejection();
        Outcome outcome = v.outcome();
        Money finalValue = outcome == null ? null : outcome.finalValue();
        jdbc.sql("""
                        INSERT INTO registration_view (%s, customer_name_normalized)
                        VALUES (:registrationId, :opportunityId, :partnerId, :position, :status, :legalName, :country,
                                :taxId, :domain, :region, :customerKey, :productLine, :amount, :currency,
                                :expectedCloseDate, :description, :acceptedAt, :policyVersion, :withdrawnAt,
                                :withdrawalReason, :discountPercent, :protectionDays, :protectedUntil, :supported,
                                :reviewLevel, :reviewDueAt, :extensionsGranted, :pendingId, :pendingDays,
                                :pendingReason, :pendingRequestedAt, :rejectionReason, :rejectionNote,
                                :rejectionEarlierAt, :outcomeResult, :finalAmount, :finalCurrency, :outcomeReason,
                                :outcomeReportedAt, :decidedAt, :updatedAt, :lastEventId, :nameNormalized)
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
                            discount_percent = EXCLUDED.discount_percent, protection_days = EXCLUDED.protection_days,
                            protected_until = EXCLUDED.protected_until, supported = EXCLUDED.supported,
                            review_level = EXCLUDED.review_level, review_due_at = EXCLUDED.review_due_at,
                            extensions_granted = EXCLUDED.extensions_granted,
                            pending_extension_id = EXCLUDED.pending_extension_id,
                            pending_extension_days = EXCLUDED.pending_extension_days,
                            pending_extension_reason = EXCLUDED.pending_extension_reason,
                            pending_extension_requested_at = EXCLUDED.pending_extension_requested_at,
                            rejection_reason_code = EXCLUDED.rejection_reason_code,
                            rejection_note = EXCLUDED.rejection_note,
                            rejection_earlier_registered_at = EXCLUDED.rejection_earlier_registered_at,
                            outcome_result = EXCLUDED.outcome_result,
                            outcome_final_value_amount = EXCLUDED.outcome_final_value_amount,
                            outcome_final_value_currency = EXCLUDED.outcome_final_value_currency,
                            outcome_reason = EXCLUDED.outcome_reason,
                            outcome_reported_at = EXCLUDED.outcome_reported_at, decided_at = EXCLUDED.decided_at,
                            updated_at = EXCLUDED.updated_at, last_event_id = EXCLUDED.last_event_id,
                            customer_name_normalized = EXCLUDED.customer_name_normalized"""
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
                .param("discountPercent", v.discountPercent(), Types.NUMERIC)
                .param("protectionDays", v.protectionDays(), Types.INTEGER)
                .param("protectedUntil", timestamp(v.protectedUntil()))
                .param("supported", v.supported())
                .param("reviewLevel", v.reviewLevel(), Types.INTEGER)
                .param("reviewDueAt", timestamp(v.reviewDueAt()))
                .param("extensionsGranted", v.extensionsGranted())
                .param("pendingId", pending == null ? null : pending.extensionRequestId(), Types.VARCHAR)
                .param("pendingDays", pending == null ? null : pending.days(), Types.INTEGER)
                .param("pendingReason", pending == null ? null : pending.reason(), Types.VARCHAR)
                .param("pendingRequestedAt", pending == null ? null : timestamp(pending.requestedAt()))
                .param("rejectionReason", rejection == null ? null : rejection.reasonCode(), Types.VARCHAR)
                .param("rejectionNote", rejection == null ? null : rejection.note(), Types.VARCHAR)
                .param("rejectionEarlierAt", rejection == null ? null : timestamp(rejection.earlierRegisteredAt()))
                .param("outcomeResult", outcome == null ? null : outcome.result(), Types.VARCHAR)
                .param("finalAmount", finalValue == null ? null : finalValue.amount(), Types.NUMERIC)
                .param("finalCurrency", finalValue == null ? null : finalValue.currency(), Types.VARCHAR)
                .param("outcomeReason", outcome == null ? null : outcome.reason(), Types.VARCHAR)
                .param("outcomeReportedAt", outcome == null ? null : timestamp(outcome.reportedAt()))
                .param("decidedAt", timestamp(v.decidedAt()))
                .param("updatedAt", timestamp(v.updatedAt()))
                .param("lastEventId", v.lastEventId())
                .param("nameNormalized", CustomerNames.normalize(v.customer().legalName()))
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

    static RegistrationView map(ResultSet rs, int row) throws SQLException {
        String pendingId = rs.getString("pending_extension_id");
        String rejectionReason = rs.getString("rejection_reason_code");
        String outcomeResult = rs.getString("outcome_result");
        BigDecimal finalAmount = rs.getBigDecimal("outcome_final_value_amount");
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
                rs.getBigDecimal("discount_percent"),
                rs.getObject("protection_days", Integer.class),
                instant(rs, "protected_until"),
                rs.getBoolean("supported"),
                rs.getObject("review_level", Integer.class),
                instant(rs, "review_due_at"),
                rs.getInt("extensions_granted"),
                pendingId == null ? null : new PendingExtension(pendingId, rs.getInt("pending_extension_days"),
                        rs.getString("pending_extension_reason"), instant(rs, "pending_extension_requested_at")),
                rejectionReason == null ? null : new Rejection(rejectionReason, rs.getString("rejection_note"),
                        instant(rs, "rejection_earlier_registered_at")),
                outcomeResult == null ? null : new Outcome(outcomeResult,
                        finalAmount == null ? null : new Money(finalAmount,
                                rs.getString("outcome_final_value_currency")),
                        rs.getString("outcome_reason"), instant(rs, "outcome_reported_at")),
                instant(rs, "decided_at"),
                instant(rs, "updated_at"),
                rs.getString("last_event_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
