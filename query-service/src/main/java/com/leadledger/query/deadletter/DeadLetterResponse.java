package com.leadledger.query.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A dead letter as operators see it. {@code record} (the consumed value, as UTF-8 text or else base64) is only in the
 * single-entry answer.
 */
record DeadLetterResponse(long id, DeadLetterStatus status, String reason, String eventId, String eventType,
                                 String aggregateType, String aggregateId, Long sequenceNumber, boolean inEventLog,
                                 Source source, Failure error, Instant parkedAt, Instant lastFailedAt, int attempts,
                                 Instant resolvedAt, String resolvedBy, DeadLetter.Resolution resolution,
                                 String resolutionNote,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) RecordValue record) {

    public record Source(String topic, int partition, long offset, String key) {
    }

    public record Failure(String errorClass, String message) {
    }

    /** @param encoding {@code utf-8} or {@code base64} */
    public record RecordValue(String encoding, String value) {

        static RecordValue of(byte[] value) {
            if (value == null) {
                return new RecordValue("none", null);
            }
            try {
                return new RecordValue("utf-8", StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value)).toString());
            } catch (CharacterCodingException e) {
                return new RecordValue("base64", Base64.getEncoder().encodeToString(value));
            }
        }
    }

    static DeadLetterResponse summary(DeadLetter entry) {
        return of(entry, null);
    }

    static DeadLetterResponse detail(DeadLetter entry) {
        return of(entry, RecordValue.of(entry.source().value()));
    }

    private static DeadLetterResponse of(DeadLetter e, RecordValue record) {
        return new DeadLetterResponse(e.id(), e.status(), e.reason(), e.eventId(), e.eventType(), e.aggregateType(),
                e.aggregateId(), e.sequenceNumber(), e.inEventLog(),
                new Source(e.source().topic(), e.source().partition(), e.source().offset(), e.source().key()),
                e.errorClass() == null ? null : new Failure(e.errorClass(), e.errorMessage()), e.parkedAt(),
                e.lastFailedAt(), e.attempts(), e.resolvedAt(), e.resolvedBy(), e.resolution(), e.resolutionNote(),
                record);
    }
}
