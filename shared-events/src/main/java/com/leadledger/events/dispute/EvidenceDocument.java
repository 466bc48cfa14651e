package com.leadledger.events.dispute;

/**
 * A document offered as evidence, recorded by its SHA-256 (64 lower-case hex digits) and name; the file itself is never
 * stored. {@code link} optionally says where the parties can find it.
 */
public record EvidenceDocument(String name, String sha256, String link) {
}
