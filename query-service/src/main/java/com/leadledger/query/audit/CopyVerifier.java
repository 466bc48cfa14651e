package com.leadledger.query.audit;

import com.leadledger.integrity.chain.ChainBreak;
import com.leadledger.integrity.chain.ChainsVerifier;
import com.leadledger.integrity.chain.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * Re-verifies the hash chains on this service's own copy of the history ({@code event_log}), from the stored form
 * each envelope carried: a copy that was altered, lost an event, gained one or got reordered no longer verifies.
 * Rows are streamed in stream order, so memory stays flat.
 */
@Component
class CopyVerifier {

    /**
     * @param checkpoints for scope {@code all}: the command side's checkpoints re-computed on the copy (null for a
     *                    single stream or opportunity)
     */
    record Result(String scope, boolean intact, long streams, long events, long unverifiable, ChainBreak firstBreak,
                  Instant verifiedAt, long durationMs, CopyCheckpoints.Check checkpoints) {
    }

    /** Progress of a verification: the phase (CHAINS, then CHECKPOINTS for the whole copy) and its events done. */
    interface Progress {
        void update(String phase, long eventsDone);
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Counter verified;

    private final CommandAuditClient command;
    private final CopyCheckpoints copyCheckpoints;

    CopyVerifier(JdbcTemplate jdbc, Clock clock, MeterRegistry meters, CommandAuditClient command,
                 CopyCheckpoints copyCheckpoints) {
        this.jdbc = ChunkedReads.over(jdbc);
        this.clock = clock;
        this.command = command;
        this.copyCheckpoints = copyCheckpoints;
        this.verified = Counter.builder("leadledger.audit.verified.events")
                .description("events whose hash was re-verified on the query side's copy").register(meters);
    }

    /** @param streamId one stream, or null for the whole copy */
    public Result verify(String scope, String streamId) {
        return verify(scope, streamId, (phase, done) -> { });
    }

    long eventsInScope(String streamId) {
        Long count = streamId == null ? jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class)
                : jdbc.queryForObject("SELECT count(*) FROM event_log WHERE aggregate_id = ?", Long.class, streamId);
        return count == null ? 0 : count;
    }

    /**
     * The chains of the scope; for the whole copy also the command side's checkpoints (when the command side cannot be
     * asked, the result says so and rests on the chains alone).
     */
    @Transactional(readOnly = true)
    public Result verify(String scope, String streamId, Progress progress) {
        long start = System.nanoTime();
        // events copied from envelopes older than their integrity data have no hash: unverifiable, so not intact
        ChainsVerifier chains = ChainsVerifier.toleratingUnhashedEvents();
        String sql = "SELECT event_id, aggregate_id, sequence_number, aggregate_type, stored_payload_type, "
                + "stored_payload_revision, stored_timestamp, stored_payload, stored_metadata, previous_hash, event_hash "
                + "FROM event_log" + (streamId == null ? "" : " WHERE aggregate_id = ?")
                + " ORDER BY aggregate_id, sequence_number";
        org.springframework.jdbc.core.RowCallbackHandler handler = rs -> {
            if (chains.firstBreak().isPresent()) {
                return;
            }
            long before = chains.events();
            chains.accept(row(rs));
            if (chains.events() > before && chains.events() % 1_000 == 0) {
                progress.update("CHAINS", chains.events());
            }
        };
        if (streamId == null) {
            jdbc.query(sql, handler);
        } else {
            jdbc.query(sql, handler, streamId);
        }
        verified.increment(chains.events());
        progress.update("CHAINS", chains.events());
        CopyCheckpoints.Check checkpoints = null;
        if (streamId == null) {
            try {
                checkpoints = copyCheckpoints.check(command.checkpoints(), done -> progress.update("CHECKPOINTS", done));
            } catch (CommandAuditClient.Unavailable e) {
                checkpoints = CopyCheckpoints.Check.unavailable("the command side's checkpoints could not be read: "
                        + e.getMessage());
            }
        }
        ChainBreak firstBreak = chains.finish().orElse(null);
        boolean intact = firstBreak == null && chains.unverifiable() == 0 && (checkpoints == null || !"BROKEN".equals(checkpoints.status()));
        return new Result(scope, intact, chains.streams(), chains.events(), chains.unverifiable(), firstBreak,
                clock.instant(), (System.nanoTime() - start) / 1_000_000, checkpoints);
    }

    private static StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11));
    }
}
