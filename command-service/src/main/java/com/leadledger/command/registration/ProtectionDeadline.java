package com.leadledger.command.registration;

import java.time.Instant;

/** Payload of the persistent protection-expiry deadline; stale once an extension moved {@code protectedUntil}. */
record ProtectionDeadline(String registrationId, Instant protectedUntil) {

    static final String NAME = "protection-expiry";
}
