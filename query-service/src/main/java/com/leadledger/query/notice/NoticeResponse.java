package com.leadledger.query.notice;

import java.time.Instant;

/** A notice as its recipient reads it. */
public record NoticeResponse(String noticeId, String registrationId, String opportunityId, NoticeKind kind,
                             String message, Instant occurredAt) {

    public static NoticeResponse of(Notice n) {
        return new NoticeResponse(n.noticeId(), n.registrationId(), n.opportunityId(), n.kind(), n.message(),
                n.occurredAt());
    }
}
