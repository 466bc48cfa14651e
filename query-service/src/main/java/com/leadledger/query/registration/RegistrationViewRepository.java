package com.leadledger.query.registration;

import com.leadledger.events.customer.CustomerNames;
import com.leadledger.query.projection.ViewDocuments;
import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code registration_view}: each registration as one JSON document (the whole {@link RegistrationView}) with typed
 * copies of the members that lists filter and sort on, the ranking and the review queue join on, and the duplicate
 * search compares. The projection writes whole rows; readers filter in SQL, never after loading. Every query of the
 * table lives here, the review queue's included: other slices read registrations through the public methods.
 */
@Repository
public class RegistrationViewRepository {

    private static final String SELECT = "SELECT document::text AS document FROM registration_view";

    private final JdbcClient jdbc;
    private final JdbcTemplate writes;
    private final ViewDocuments documents;
    private final RowMapper<RegistrationView> row;
    /**
     * The row of a registration. The customer's normalized legal name ({@link CustomerNames#normalize}) is stored next
     * to it, for the similarity search of possible duplicates.
     */
    private final ViewTable<RegistrationView> rows;

    RegistrationViewRepository(JdbcClient jdbc, JdbcTemplate writes, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.documents = documents;
        this.row = (rs, n) -> documents.read(rs.getString("document"), RegistrationView.class);
        this.rows = ViewTable.<RegistrationView>of("registration_view", "registration_id")
                .text("registration_id", RegistrationView::registrationId)
                .text("opportunity_id", RegistrationView::opportunityId)
                .text("partner_id", RegistrationView::partnerId)
                .integer("position", RegistrationView::position)
                .name("status", RegistrationView::status)
                .text("product_line", RegistrationView::productLine)
                .timestamptz("accepted_at", RegistrationView::acceptedAt)
                .integer("review_level", RegistrationView::reviewLevel)
                .text("customer_key", RegistrationView::customerKey)
                .text("customer_domain", v -> v.customer().domain())
                .text("customer_name_normalized", v -> CustomerNames.normalize(v.customer().legalName()))
                .jsonb("document", documents::write)
                .replacing();
    }

    Map<String, RegistrationView> findAllForUpdate(List<String> registrationIds) {
        return rows.lockAll(jdbc, "document::text AS document", registrationIds, row);
    }

    /** Inserts or replaces the rows. */
    void saveAll(List<RegistrationView> views) {
        rows.writeAll(writes, views);
    }

    /** Adds rows the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<RegistrationView> views) {
        rows.copyAll(writes, views);
    }

    /** One registration, if it exists and {@code partnerScope} (when not null) owns it. */
    public Optional<RegistrationView> find(String registrationId, String partnerScope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", registrationId);
        String sql = SELECT + " WHERE registration_id = :id";
        if (partnerScope != null) {
            sql += " AND partner_id = :partnerId";
            params.put("partnerId", partnerScope);
        }
        return jdbc.sql(sql).params(params).query(row).optional();
    }

    /** The opportunity a registration was filed on (it never changes). */
    public Optional<String> opportunityOf(String registrationId) {
        return jdbc.sql("SELECT opportunity_id FROM registration_view WHERE registration_id = :id")
                .param("id", registrationId).query(String.class).optional();
    }

    /** Newest first (by acceptance time). */
    List<RegistrationView> list(RegistrationFilter filter, RegistrationOrder order, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + where + " ORDER BY " + order.orderBy() + " LIMIT :limit OFFSET :offset")
                .params(params).query(row).list();
    }

    long count(RegistrationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM registration_view" + where).params(params).query(Long.class).single();
    }

    /**
     * A scalar subquery for another slice's statement: the registrations filed on the opportunity named by
     * {@code opportunityIdColumn}, in the order it accepted them, as one JSON array (null when there are none) for
     * {@link #readAll}. It lets a reader take the ranking in the same statement, and so the same snapshot, as the rows
     * it belongs to.
     */
    public static String rankingOf(String opportunityIdColumn) {
        return "(SELECT jsonb_agg(document ORDER BY position)::text FROM registration_view WHERE opportunity_id = "
                + opportunityIdColumn + ")";
    }

    /** The registrations of a {@link #rankingOf} column. */
    public List<RegistrationView> readAll(String jsonArray) {
        return jsonArray == null ? List.of() : List.of(documents.read(jsonArray, RegistrationView[].class));
    }

    /**
     * Registrations naming {@code text}: as their registration, opportunity or partner id, their customer's tax id
     * (INN, with or without its country prefix, spaces and dashes ignored) or domain, or a part of the customer's
     * normalized legal name; newest first.
     */
    public List<RegistrationView> search(String text, long offset, int limit) {
        Map<String, Object> params = searchParams(text);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + SEARCH + " ORDER BY accepted_at DESC, registration_id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(row).list();
    }

    public long countSearch(String text) {
        return jdbc.sql("SELECT count(*) FROM registration_view" + SEARCH).params(searchParams(text))
                .query(Long.class).single();
    }

    private static final String SEARCH = " " + """
            WHERE registration_id = :text OR opportunity_id = :text OR partner_id = :text
               OR document->'customer'->>'taxId' = :taxId
               OR split_part(document->'customer'->>'taxId', ':', 2) = :taxId OR customer_domain = :domain
               OR (:name <> '' AND customer_name_normalized LIKE '%' || :name || '%')""";

    /** The normalized name holds letters, digits and single spaces only, so it is safe inside a LIKE pattern. */
    private static Map<String, Object> searchParams(String text) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", text);
        params.put("taxId", text.replaceAll("[\\s\\-]", "").toUpperCase(java.util.Locale.ROOT));
        params.put("domain", text.toLowerCase(java.util.Locale.ROOT));
        params.put("name", CustomerNames.normalize(text));
        return params;
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
        if (filter.pendingExtension() != null) {
            where.append(where.isEmpty() ? " WHERE " : " AND ")
                    .append(filter.pendingExtension() ? "" : "NOT ")
                    .append("coalesce(jsonb_typeof(document->'pendingExtension') = 'object', false)");
        }
        return where.toString();
    }

    // ------------------------------------------------------------------ the review queue

    /**
     * A submitted registration awaiting review.
     *
     * @param normalizedName      the customer's normalized legal name, as the duplicate search compares it
     * @param earlierActiveExists another partner's active registration has a lower position in the same opportunity
     */
    public record PendingReview(RegistrationView registration, String normalizedName, boolean earlierActiveExists) {
    }

    /** An active registration the SQL pre-selected as a possible duplicate of {@code subjectId}. */
    public record DuplicateCandidate(String subjectId, String registrationId, String opportunityId, String partnerId,
                                     String customerKey, String domain, String legalName, String normalizedName,
                                     String productLine, String status, Instant acceptedAt) {
    }

    private static final String WAITING = " WHERE r.status = 'SUBMITTED'";
    private static final String ACTIVE = "c.status IN ('SUBMITTED', 'APPROVED')";
    private static final String CANDIDATE_COLUMNS = "c.registration_id, c.opportunity_id, c.partner_id, "
            + "c.customer_key, c.customer_domain, c.document->'customer'->>'legalName' AS customer_legal_name, "
            + "c.customer_name_normalized, c.product_line, c.status, c.accepted_at";

    /** Submitted registrations, oldest first, optionally of one review level. */
    public List<PendingReview> pendingReview(Integer level, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = reviewLevel(level, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                        SELECT r.document::text AS document, r.customer_name_normalized,
                               EXISTS (SELECT 1 FROM registration_view e
                                       WHERE e.opportunity_id = r.opportunity_id
                                         AND e.position < r.position
                                         AND e.partner_id <> r.partner_id
                                         AND e.status IN ('SUBMITTED', 'APPROVED')) AS earlier_active_exists
                        FROM registration_view r""" + where + """
                         ORDER BY r.accepted_at, r.registration_id
                        LIMIT :limit OFFSET :offset""")
                .params(params)
                .query((rs, n) -> new PendingReview(row.mapRow(rs, n), rs.getString("customer_name_normalized"),
                        rs.getBoolean("earlier_active_exists")))
                .list();
    }

    public long countPendingReview(Integer level) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM registration_view r" + reviewLevel(level, params)).params(params)
                .query(Long.class).single();
    }

    /**
     * Active registrations that may name the same customer as one of {@code subjectIds}, with a different key:
     * the same domain (either's key being the other's domain included), or a normalized name that is
     * trigram-similar ({@code pg_trgm}'s {@code %} with {@code trigramSimilarity}, set for the current transaction).
     * This is only the index-backed pre-selection; the caller decides and scores. Runs inside the caller's
     * transaction.
     */
    public List<DuplicateCandidate> duplicateCandidates(Collection<String> subjectIds, double trigramSimilarity) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', :threshold, true)")
                .param("threshold", Double.toString(trigramSimilarity))
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
                .query((rs, n) -> new DuplicateCandidate(rs.getString("subject_id"), rs.getString("registration_id"),
                        rs.getString("opportunity_id"), rs.getString("partner_id"), rs.getString("customer_key"),
                        rs.getString("customer_domain"), rs.getString("customer_legal_name"),
                        rs.getString("customer_name_normalized"), rs.getString("product_line"),
                        rs.getString("status"), rs.getTimestamp("accepted_at").toInstant()))
                .list();
    }

    private static String reviewLevel(Integer level, Map<String, Object> params) {
        if (level == null) {
            return WAITING;
        }
        params.put("level", level);
        return WAITING + " AND r.review_level = :level";
    }
}
