package com.leadledger.query.notice;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a partner was told about its own registration. Generated from one event by {@link NoticeRules}; never
 * changes once written.
 *
 * @param noticeId       the id of the event that caused it, or that id + {@code ':'} + a suffix when one event tells
 *                       several things (a support move tells the losing and the gaining side)
 * @param partnerId      the recipient
 * @param registrationId the recipient's own registration the notice is about
 * @param globalIndex    the causing event's position in the whole event store (orders notices of the same instant)
 */
public record Notice(String noticeId, String eventId, long globalIndex, String partnerId, String registrationId,
                     String opportunityId, NoticeKind kind, String message, Instant occurredAt) {

    public Notice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
