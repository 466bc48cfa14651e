package com.leadledger.integrity.chain;

/** Where a stream ends according to the event store's own record of it: its last sequence number and hash. */
public record StreamHead(long lastSequence, byte[] hash) {
}
