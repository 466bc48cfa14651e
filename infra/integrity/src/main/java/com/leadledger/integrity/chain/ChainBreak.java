package com.leadledger.integrity.chain;

/**
 * The first place where the stored history disagrees with its hash chain.
 *
 * @param kind     what is wrong: {@code HASH_MISMATCH} (the event's content no longer matches its hash: modified),
 *                 {@code LINK_MISMATCH} (its previous-hash does not name the event before it: removed, inserted or
 *                 reordered neighbour), {@code SEQUENCE_GAP} (a sequence number is missing or repeated),
 *                 {@code CHECKPOINT_MISMATCH} (the events up to a checkpoint no longer hash to it)
 * @param expected what verification computed (hex, or the expected sequence number)
 * @param found    what is stored
 */
public record ChainBreak(String streamId, long sequenceNumber, String eventId, String kind, String expected,
                         String found) {

    public String describe() {
        return kind + " in stream " + streamId + " at sequence " + sequenceNumber
                + (eventId == null ? "" : " (event " + eventId + ")") + ": expected " + expected + ", found " + found;
    }
}
