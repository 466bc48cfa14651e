package com.leadledger.query.ingest;

/**
 * A Kafka record that is not, and will never become, a valid event envelope (or whose payload does not match its
 * declared event type). Retrying cannot help, so the error handler does not retry it: it is parked at once.
 */
public class UndecodableRecordException extends RuntimeException {

    private final String reason;

    public UndecodableRecordException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A short machine-readable category, used as a metric tag: {@code envelope} or {@code payload}. */
    public String reason() {
        return reason;
    }
}
