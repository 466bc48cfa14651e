package com.leadledger.integrity.chain;

import com.leadledger.integrity.Hashes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks every stream's chain of a history fed in stream order, each stream in sequence order (streaming: one
 * {@link StreamVerifier} at a time), and stops at the first break. With recorded {@link StreamHead}s it also checks that
 * each stream ends where its head says and that no stream with a head is missing, which catches an event removed from
 * or added to the end of a stream.
 */
public final class ChainsVerifier {

    private final Map<String, StreamHead> heads;
    private final boolean toleratesUnhashed;
    private StreamVerifier current;
    private long lastSequence = -1;
    private ChainBreak firstBreak;
    private long streams;
    private long events;
    private long unverifiable;

    private ChainsVerifier(Map<String, StreamHead> heads, boolean toleratesUnhashed) {
        this.heads = heads == null ? null : new TreeMap<>(heads);
        this.toleratesUnhashed = toleratesUnhashed;
    }

    /** Every event must carry its hash; the streams' ends are checked against {@code heads} unless it is null. */
    public static ChainsVerifier againstHeads(Map<String, StreamHead> heads) {
        return new ChainsVerifier(heads, false);
    }

    /**
     * For a copy that may hold events received before they carried their hashes: those are counted as unverifiable
     * and skipped instead of breaking the chain. No heads.
     */
    public static ChainsVerifier toleratingUnhashedEvents() {
        return new ChainsVerifier(null, true);
    }

    /** Checks the next event; false once a break has been found (the rest need not be read). */
    public boolean accept(StoredEvent event) {
        if (firstBreak != null) {
            return false;
        }
        if (current == null || !current.streamId().equals(event.aggregateId())) {
            endStream();
            if (firstBreak != null) {
                return false;
            }
            current = new StreamVerifier(event.aggregateId());
            streams++;
        }
        if (event.eventHash() == null && toleratesUnhashed) {
            unverifiable++;
            return true;
        }
        current.accept(event);
        lastSequence = event.sequenceNumber();
        events++;
        current.firstBreak().ifPresent(b -> firstBreak = b);
        return firstBreak == null;
    }

    /** Call after the last event: checks the end of the last stream and that no recorded stream is missing. */
    public Optional<ChainBreak> finish() {
        if (firstBreak == null) {
            endStream();
        }
        if (firstBreak == null && heads != null && !heads.isEmpty()) {
            Map.Entry<String, StreamHead> missing = heads.entrySet().iterator().next();
            long last = missing.getValue().lastSequence();
            firstBreak = new ChainBreak(missing.getKey(), last, null, "STREAM_MISSING", "events up to sequence " + last,
                    "no events");
        }
        return firstBreak();
    }

    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    public long streams() {
        return streams;
    }

    /** Events checked (up to and including the first break). */
    public long events() {
        return events;
    }

    /** Events skipped for want of a hash (only when tolerated). */
    public long unverifiable() {
        return unverifiable;
    }

    private void endStream() {
        if (current == null || heads == null) {
            return;
        }
        String streamId = current.streamId();
        StreamHead head = heads.remove(streamId);
        if (head == null) {
            firstBreak = new ChainBreak(streamId, lastSequence, null, "HEAD_MISSING", "a recorded head for the stream",
                    "none");
        } else if (head.lastSequence() != lastSequence || !Arrays.equals(head.hash(), current.head())) {
            firstBreak = new ChainBreak(streamId, lastSequence, null, "HEAD_MISMATCH",
                    "last sequence " + head.lastSequence() + " with hash " + Hashes.hex(head.hash()),
                    "last sequence " + lastSequence + " with hash " + Hashes.hex(current.head()));
        }
    }
}
