package com.leadledger.query.audit;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.checkpoint.CheckpointBreak;
import com.leadledger.integrity.checkpoint.CheckpointVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Re-computes the command side's checkpoints over this service's copy ({@code event_log}) in global-index order. An
 * event missing from a checkpoint sealed less than {@code leadledger.reconciliation.grace} ago is taken for one still
 * in flight (LAGGING); missing longer than that, or any other mismatch, is a break.
 */
@Component
class CopyCheckpoints {

    /**
     * @param status          VERIFIED, LAGGING, BROKEN, or UNAVAILABLE (the command side could not be asked)
     * @param checkpoints     checkpoints published by the command side
     * @param verified        of them, re-computed on the copy with the same count and Merkle root
     * @param coveredUpTo     the last global index of the last published checkpoint
     * @param uncoveredEvents copy events after it (not checkpointed yet)
     */
    record Check(String status, long checkpoints, long verified, long coveredUpTo, long uncoveredEvents,
                 CheckpointBreak firstBreak, String latestCheckpointHash, String detail) {

        static Check unavailable(String detail) {
            return new Check("UNAVAILABLE", 0, 0, 0, 0, null, null, detail);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration grace;

    CopyCheckpoints(JdbcTemplate jdbc, Clock clock, ReconciliationProperties reconciliation) {
        this.jdbc = ChunkedReads.over(jdbc);
        this.clock = clock;
        this.grace = reconciliation.grace();
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Check check(List<CommandAuditClient.PublishedCheckpoint> published, LongConsumer progress) {
        CheckpointVerifier verifier = new CheckpointVerifier(published.stream()
                .map(CommandAuditClient.PublishedCheckpoint::checkpoint).toList());
        long[] done = {0};
        jdbc.query("SELECT global_index, event_id, aggregate_id, sequence_number, event_hash FROM event_log "
                + "ORDER BY global_index", rs -> {
            if (verifier.firstBreak().isEmpty()) {
                verifier.accept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5));
            }
            if (++done[0] % 10_000 == 0 && progress != null) {
                progress.accept(done[0]);
            }
        });
        CheckpointBreak broken = verifier.finish().orElse(null);
        String latest = published.isEmpty() ? null
                : Hashes.hex(published.get(published.size() - 1).checkpoint().checkpointHash());
        String status = broken == null ? "VERIFIED" : stillInFlight(broken, published) ? "LAGGING" : "BROKEN";
        String detail = switch (status) {
            case "VERIFIED" -> "every checkpoint re-computed on the copy";
            case "LAGGING" -> "checkpoint #" + broken.checkpoint() + " was sealed less than " + grace
                    + " ago and the copy has not received all its events yet";
            default -> broken.describe();
        };
        return new Check(status, published.size(), verifier.verifiedCheckpoints(), verifier.coveredUpTo(),
                verifier.uncoveredEvents(), "LAGGING".equals(status) ? null : broken, latest, detail);
    }

    private boolean stillInFlight(CheckpointBreak broken, List<CommandAuditClient.PublishedCheckpoint> published) {
        if (!"EVENT_MISSING".equals(broken.kind())) {
            return false;
        }
        Instant sealed = published.stream().filter(p -> p.checkpoint().number() == broken.checkpoint())
                .map(CommandAuditClient.PublishedCheckpoint::createdAt).findFirst().orElse(Instant.MIN);
        return sealed.isAfter(clock.instant().minus(grace));
    }
}
