package com.leadledger.query.review;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the review queue from {@code registration_view}; filters, order and the ranking check are done in SQL. */
@Repository
class ReviewQueueRepository {

    /** A submitted registration with what the queue shows and what the duplicate search needs. */
    record Pending(String registrationId, String opportunityId, String partnerId, CustomerIdentity customer,
                   String customerKey, String normalizedName, String productLine, Money estimatedValue,
                   Instant acceptedAt, int position, Integer level, Instant slaDueAt, boolean earlierActiveExists) {
    }

    /** An active registration the SQL pre-selected as a possible duplicate of {@code subjectId}. */
    record Candidate(String subjectId, String registrationId, String opportunityId, String partnerId,
                     String customerKey, String domain, String legalName, String normalizedName, String productLine,
                     String status, Instant acceptedAt) {
    }

    private static final String ACTIVE = "c.status IN ('SUBMITTED', 'APPROVED')";
    private static final String CANDIDATE_COLUMNS = "c.registration_id, c.opportunity_id, c.partner_id, "
            + "c.customer_key, c.customer_domain, c.customer_legal_name, c.customer_name_normalized, c.product_line, "
            + "c.status, c.accepted_at";

    private final JdbcClient jdbc;

    ReviewQueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Submitted registrations, oldest first, optionally of one review level. {@code earlier_active_exists}: another
     * partner's active registration has a lower position in the same opportunity.
     */
    List<Pending> pending(Integer level, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(level, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                        SELECT r.registration_id, r.opportunity_id, r.partner_id, r.customer_legal_name,
                               r.customer_country, r.customer_tax_id, r.customer_domain, r.customer_region,
                               r.customer_key, r.customer_name_normalized, r.product_line, r.estimated_value_amount,
                               r.estimated_value_currency, r.accepted_at, r.position, r.review_level, r.review_due_at,
                               EXISTS (SELECT 1 FROM registration_view e
                                       WHERE e.opportunity_id = r.opportunity_id
                                         AND e.position < r.position
                                         AND e.partner_id <> r.partner_id
                                         AND e.status IN ('SUBMITTED', 'APPROVED')) AS earlier_active_exists
                        FROM registration_view r""" + where + """
                         ORDER BY r.accepted_at, r.registration_id
                        LIMIT :limit OFFSET :offset""")
                .params(params)
                .query(ReviewQueueRepository::pending).list();
    }

    long count(Integer level) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM registration_view r" + where(level, params)).params(params)
                .query(Long.class).single();
    }

    /**
     * Active registrations that may name the same customer as one of {@code subjectIds}, with a different key:
     * the same domain (either's key being the other's domain included), or a normalized name that is
     * trigram-similar ({@code pg_trgm}'s {@code %} with {@link DuplicateRules#PRESELECTION_TRIGRAM_SIMILARITY}, set
     * for the current transaction). This is only the index-backed pre-selection; {@link DuplicateRules} decides and
     * scores. Runs inside the caller's transaction.
     */
    List<Candidate> candidates(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', :threshold, true)")
                .param("threshold", Double.toString(DuplicateRules.PRESELECTION_TRIGRAM_SIMILARITY))
                .query(String.class).single();
        return jdbc.sql("""
                        WITH subject AS (
                            SELECT registration_id, customer_key, customer_domain, customer_name_normalized AS name
                            FROM registration_view WHERE registration_id IN (:ids))
                        SELECT s.registration_id AS subject_id, c.*
                        FROM subject s
                        JOIN LATERAL (
                            SELECT %1$s FROM registration_view c WHERE %2$s AND c.customer_domain = s.customer_domain
                            UNION
                            SELECT %1$s FROM registration_view c WHERE %2$s AND c.customer_key = s.customer_domain
                            UNION
                            SELECT %1$s FROM registration_view c WHERE %2$s AND c.customer_domain = s.customer_key
                            UNION
                            SELECT %1$s FROM registration_view c
                            WHERE %2$s AND s.name <> '' AND c.customer_name_normalized %% s.name
                        ) c ON true
                        WHERE c.registration_id <> s.registration_id AND c.customer_key <> s.customer_key
                        """.formatted(CANDIDATE_COLUMNS, ACTIVE))
                .param("ids", List.copyOf(subjectIds))
                .query((rs, n) -> new Candidate(rs.getString("subject_id"), rs.getString("registration_id"),
                        rs.getString("opportunity_id"), rs.getString("partner_id"), rs.getString("customer_key"),
                        rs.getString("customer_domain"), rs.getString("customer_legal_name"),
                        rs.getString("customer_name_normalized"), rs.getString("product_line"),
                        rs.getString("status"), instant(rs.getTimestamp("accepted_at"))))
                .list();
    }

    private static String where(Integer level, Map<String, Object> params) {
        String where = " WHERE r.status = 'SUBMITTED'";
        if (level != null) {
            where += " AND r.review_level = :level";
            params.put("level", level);
        }
        return where;
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(
                rs.getString("registration_id"),
                rs.getString("opportunity_id"),
                rs.getString("partner_id"),
                new CustomerIdentity(rs.getString("customer_legal_name"), rs.getString("customer_country"),
                        rs.getString("customer_tax_id"), rs.getString("customer_domain"),
                        rs.getString("customer_region")),
                rs.getString("customer_key"),
                rs.getString("customer_name_normalized"),
                rs.getString("product_line"),
                new Money(rs.getBigDecimal("estimated_value_amount"), rs.getString("estimated_value_currency")),
                instant(rs.getTimestamp("accepted_at")),
                rs.getInt("position"),
                rs.getObject("review_level", Integer.class),
                instant(rs.getTimestamp("review_due_at")),
                rs.getBoolean("earlier_active_exists"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
