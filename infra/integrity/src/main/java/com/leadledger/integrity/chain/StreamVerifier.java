package com.leadledger.integrity.chain;

import com.leadledger.integrity.Hashes;

import java.util.Arrays;
import java.util.Optional;

/**
 * Checks one stream's chain, fed its events in sequence order; remembers the first break. Streaming: constant memory
 * however long the stream is.
 */
public final class StreamVerifier {

    private final String streamId;
    private long expectedSequence;
    private byte[] previousHash = EventChain.GENESIS;
    private ChainBreak firstBreak;
    private long verified;

    public StreamVerifier(String streamId) {
        this.streamId = streamId;
    }

    public void accept(StoredEvent event) {
        if (firstBreak != null) {
            return;
        }
        if (event.sequenceNumber() != expectedSequence) {
            firstBreak = new ChainBreak(streamId, event.sequenceNumber(), event.eventId(), "SEQUENCE_GAP",
                    Long.toString(expectedSequence), Long.toString(event.sequenceNumber()));
            return;
        }
        if (!Arrays.equals(previousHash, event.previousHash())) {
            firstBreak = new ChainBreak(streamId, event.sequenceNumber(), event.eventId(), "LINK_MISMATCH",
                    Hashes.hex(previousHash), Hashes.hex(event.previousHash()));
            return;
        }
        byte[] recomputed = EventChain.hash(previousHash, event);
        if (!Arrays.equals(recomputed, event.eventHash())) {
            firstBreak = new ChainBreak(streamId, event.sequenceNumber(), event.eventId(), "HASH_MISMATCH",
                    Hashes.hex(recomputed), Hashes.hex(event.eventHash()));
            return;
        }
        previousHash = event.eventHash();
        expectedSequence++;
        verified++;
    }

    public String streamId() {
        return streamId;
    }

    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    public long verifiedEvents() {
        return verified;
    }

    /** The hash of the last verified event: the stream's head. */
    public byte[] head() {
        return previousHash;
    }
}
