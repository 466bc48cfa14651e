package com.leadledger.command.registration.imports;

import com.leadledger.command.registration.RegistrationAccepted;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The imports and their rows (V50__registration_imports.sql). */
@Repository
class ImportStore {

    private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Job(String importId, String partnerId, String actorId, String fileSha256, int rowCount, Instant createdAt) {
    }

    record PendingRow(String importId, String partnerId, String actorId, int rowNumber, String registrationId,
                      Map<String, String> cells) {
    }

    private record LockedRow(String importId, int rowNumber, String registrationId, String cells) {
    }

    record Counts(int accepted, int refused) {
    }

    record DecidedRow(int rowNumber, String outcome, String registrationId, String opportunityId, Instant acceptedAt,
                      String receipt, String problem) {
    }

    /**
     * Keeps the file's rows as a new import, or finds the import of the same file the partner sent before.
     *
     * @return the import, and whether it is new
     */
    Map.Entry<Job, Boolean> createOrFind(String importId, String partnerId, String actorId, ImportFile file,
                                         Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO registration_import (import_id, partner_id, actor_id, file_sha256, row_count,
                                                         created_at)
                        VALUES (:importId, :partnerId, :actorId, :sha, :rows, :now)
                        ON CONFLICT (partner_id, file_sha256) DO NOTHING""")
                .param("importId", importId).param("partnerId", partnerId).param("actorId", actorId)
                .param("sha", file.sha256()).param("rows", file.rows().size()).param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return Map.entry(byFile(partnerId, file.sha256()).orElseThrow(), false);
        }
        List<Map<String, String>> rows = file.rows();
        for (int from = 0; from < rows.size(); from += 500) {
            int to = Math.min(rows.size(), from + 500);
            StringBuilder values = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            params.put("importId", importId);
            for (int rowNumber = from + 1; rowNumber <= to; rowNumber++) {
                values.append(rowNumber == from + 1 ? "" : ", ").append("(:importId, :n").append(rowNumber)
                        .append(", :r").append(rowNumber).append(", CAST(:c").append(rowNumber).append(" AS jsonb))");
                params.put("n" + rowNumber, rowNumber);
                params.put("r" + rowNumber, registrationIdOf(importId, rowNumber));
                params.put("c" + rowNumber, json.writeValueAsString(rows.get(rowNumber - 1)));
            }
            jdbc.sql("INSERT INTO registration_import_row (import_id, row_number, registration_id, cells) VALUES "
                    + values).params(params).update();
        }
        return Map.entry(byId(importId).orElseThrow(), true);
    }

    /** A row's registration id is fixed when the file is kept, so that filing it again can never make a second one. */
    static String registrationIdOf(String importId, int rowNumber) {
        return UUID.nameUUIDFromBytes(("import:" + importId + ":" + rowNumber).getBytes()).toString();
    }

    Optional<Job> byId(String importId) {
        return jdbc.sql("SELECT * FROM registration_import WHERE import_id = :id").param("id", importId)
                .query(this::job).optional();
    }

    private Optional<Job> byFile(String partnerId, String sha) {
        return jdbc.sql("SELECT * FROM registration_import WHERE partner_id = :partnerId AND file_sha256 = :sha")
                .param("partnerId", partnerId).param("sha", sha).query(this::job).optional();
    }

    private Job job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Job(rs.getString("import_id"), rs.getString("partner_id"), rs.getString("actor_id"),
                rs.getString("file_sha256"), rs.getInt("row_count"), rs.getTimestamp("created_at").toInstant());
    }

    /**
     * The next undecided row of any import, locked for this transaction; rows another instance holds are skipped. One
     * index scan (the pending rows' partial index, in its order), never a sort of what is left.
     */
    Optional<PendingRow> lockNextPending() {
        return jdbc.sql("""
                        SELECT import_id, row_number, registration_id, cells::text AS cells
                        FROM registration_import_row
                        WHERE outcome IS NULL
                        ORDER BY import_id, row_number
                        LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .query((rs, n) -> new LockedRow(rs.getString("import_id"), rs.getInt("row_number"),
                        rs.getString("registration_id"), rs.getString("cells")))
                .optional()
                .map(row -> {
                    Job job = byId(row.importId()).orElseThrow();
                    return new PendingRow(job.importId(), job.partnerId(), job.actorId(), row.rowNumber(),
                            row.registrationId(), json.readValue(row.cells(), CELLS));
                });
    }

    /** Records that the row's registration was accepted, in the transaction that stored it. */
    void accepted(PendingRow row, RegistrationAccepted accepted, Receipt receipt) {
        decide(row, "ACCEPTED", accepted.opportunityId(), accepted.acceptedAt(), json.writeValueAsString(receipt),
                null, accepted.acceptedAt());
    }

    /** Records that the rules refused the row, unless it was decided meanwhile. */
    void refused(PendingRow row, RuleViolation refusal, Instant now) {
        decide(row, "REFUSED", null, null, null,
                json.writeValueAsString(new Refusal(refusal.code(), refusal.getMessage(), refusal.errors())), now);
    }

    /** What a single submission would have answered instead of 201. */
    record Refusal(String code, String detail, List<FieldProblem> errors) {
    }

    private void decide(PendingRow row, String outcome, String opportunityId, Instant acceptedAt, String receipt,
                        String problem, Instant now) {
        jdbc.sql("""
                        UPDATE registration_import_row
                        SET outcome = :outcome, opportunity_id = :opportunityId, accepted_at = :acceptedAt,
                            receipt = CAST(:receipt AS jsonb), problem = CAST(:problem AS jsonb), decided_at = :now
                        WHERE import_id = :importId AND row_number = :row AND outcome IS NULL""")
                .param("outcome", outcome)
                .param("opportunityId", opportunityId)
                .param("acceptedAt", acceptedAt == null ? null : Timestamp.from(acceptedAt))
                .param("receipt", receipt)
                .param("problem", problem)
                .param("now", Timestamp.from(now))
                .param("importId", row.importId()).param("row", row.rowNumber())
                .update();
    }

    Counts counts(String importId) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE outcome = 'ACCEPTED') AS accepted,
                               count(*) FILTER (WHERE outcome = 'REFUSED') AS refused
                        FROM registration_import_row WHERE import_id = :id""")
                .param("id", importId)
                .query((rs, n) -> new Counts(rs.getInt("accepted"), rs.getInt("refused"))).single();
    }

    List<DecidedRow> rows(String importId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT row_number, outcome, registration_id, opportunity_id, accepted_at,
                               receipt::text AS receipt, problem::text AS problem
                        FROM registration_import_row WHERE import_id = :id
                        ORDER BY row_number LIMIT :limit OFFSET :offset""")
                .param("id", importId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new DecidedRow(rs.getInt("row_number"), rs.getString("outcome"),
                        rs.getString("registration_id"), rs.getString("opportunity_id"),
                        rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant(),
                        rs.getString("receipt"), rs.getString("problem")))
                .list();
    }

    boolean anyPending() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registration_import_row WHERE outcome IS NULL)")
                .query(Boolean.class).single();
    }
}
