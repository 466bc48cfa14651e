package com.leadledger.events.policy;

import java.time.Instant;

/** A new policy version is in force from {@code publishedAt} on. Versions start at 1 and have no gaps. */
public record PolicyPublished(long version, PolicyDocument policy, Instant publishedAt, String publishedBy) implements PolicyEvent {
}
