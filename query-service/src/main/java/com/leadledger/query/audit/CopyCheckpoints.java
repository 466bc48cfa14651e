package com.leadledger.query.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.CheckpointBreak;
import com.leadledger.integrity.checkpoint.CheckpointVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Re-computes the command side's checkpoints over this service's copy ({@code event_log}) in global-index order. An
 * event missing from a checkpoint sealed less than {@code leadledger.reconciliation.grace} ago is taken for one still
 * in flight (LAGGING); missing longer than that, or any other mismatch, is a break. A check either reads the whole copy
 * or resumes after a {@link VerifiedPrefix} an earlier check left, reading only the events after it.
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
                 CheckpointBreak firstBreak, String latestCheckpointHash, String detail,
                 @JsonIgnore VerifiedPrefix verifiedPrefix) {

        static Check unavailable(String detail) {
            return new Check("UNAVAILABLE", 0, 0, 0, 0, null, null, detail, VerifiedPrefix.NONE);
        }
    }

    /**
     * The copy's events through the end of the last checkpoint a check re-computed on it, as that check found them: the
     * checkpoint, how many checkpoints up to it, and the copy's events and highest global index through its range.
     */
    record VerifiedPrefix(Checkpoint checkpoint, long checkpoints, long events, long maxGlobalIndex) {

        static final VerifiedPrefix NONE = new VerifiedPrefix(null, 0, 0, 0);

        /** The last global index of the prefix: the copy's events after it are the ones still to read. */
        long throughIndex() {
            return checkpoint == null ? 0 : checkpoint.lastIndex();
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

    /** Re-computes every published checkpoint over the whole copy. */
    @Transactional(readOnly = true)
    public Check check(List<CommandAuditClient.PublishedCheckpoint> published, LongConsumer progress) {
        return check(VerifiedPrefix.NONE, published, progress);
    }

    /**
     * Re-computes the checkpoints published after {@code from}'s over the copy's events after it: {@code published}
     * holds those checkpoints only, oldest first. With {@link VerifiedPrefix#NONE} it reads the whole copy.
     */
    @Transactional(readOnly = true)
    public Check check(VerifiedPrefix from, List<CommandAuditClient.PublishedCheckpoint> published,
                       LongConsumer progress) {
        List<Checkpoint> following = published.stream().map(CommandAuditClient.PublishedCheckpoint::checkpoint).toList();
        CheckpointVerifier verifier = from.checkpoint() == null ? new CheckpointVerifier(following)
                : CheckpointVerifier.after(from.checkpoint(), following);
        long[] done = {0};
        jdbc.query("SELECT global_index, event_id, aggregate_id, sequence_number, event_hash FROM event_log "
                + "WHERE global_index > ? ORDER BY global_index", rs -> {
            if (verifier.firstBreak().isEmpty()) {
                verifier.accept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5));
            }
            if (++done[0] % 10_000 == 0 && progress != null) {
                progress.accept(done[0]);
            }
        }, from.throughIndex());
        CheckpointBreak broken = verifier.finish().orElse(null);
        Checkpoint newest = following.isEmpty() ? from.checkpoint() : following.get(following.size() - 1);
        String latest = newest == null ? null : Hashes.hex(newest.checkpointHash());
        String status = broken == null ? "VERIFIED" : stillInFlight(broken, published) ? "LAGGING" : "BROKEN";
        String detail = switch (status) {
            case "VERIFIED" -> "every checkpoint re-computed on the copy";
            case "LAGGING" -> "checkpoint #" + broken.checkpoint() + " was sealed less than " + grace
                    + " ago and the copy has not received all its events yet";
            default -> broken.describe();
        };
        VerifiedPrefix verifiedPrefix = verifier.lastVerified()
                .map(last -> new VerifiedPrefix(last, from.checkpoints() + verifier.verifiedCheckpoints(),
                        from.events() + verifier.eventsThroughLastVerified(),
                        Math.max(from.maxGlobalIndex(), verifier.highestIndexThroughLastVerified())))
                .orElse(from);
        return new Check(status, from.checkpoints() + following.size(), verifiedPrefix.checkpoints(),
                verifier.coveredUpTo(), verifier.uncoveredEvents(), "LAGGING".equals(status) ? null : broken, latest,
                detail, verifiedPrefix);
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
