package com.leadledger.integrity.chain;

import com.leadledger.integrity.Hashes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The documented hash of a stored event (README, "Audit"), identical to what the database computes at insert time:
 * {@code eventHash = SHA-256(previousHash || canonical)}, where {@code previousHash} is the previous event of the same
 * stream's hash (32 zero bytes before the first) and {@code canonical} is each of eventId, aggregateId,
 * sequenceNumber (decimal), aggregateType, payloadType, payloadRevision, timestamp, payload, metadata as a 4-byte
 * big-endian length followed by its bytes (text as UTF-8; an absent field is empty).
 */
public final class EventChain {

    public static final byte[] GENESIS = new byte[32];

    private EventChain() {
    }

    public static byte[] canonical(StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(e.payload()) + length(e.metadata()));
        field(out, text(e.eventId()));
        field(out, text(e.aggregateId()));
        field(out, text(Long.toString(e.sequenceNumber())));
        field(out, text(e.aggregateType()));
        field(out, text(e.payloadType()));
        field(out, text(e.payloadRevision()));
        field(out, text(e.timestamp()));
        field(out, e.payload());
        field(out, e.metadata());
        return out.toByteArray();
    }

    public static byte[] hash(byte[] previousHash, StoredEvent event) {
        MessageDigest sha256 = Hashes.sha256();
        sha256.update(previousHash);
        sha256.update(canonical(event));
        return sha256.digest();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
