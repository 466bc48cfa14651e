package com.leadledger.query.projection;

/**
 * An event that can never be applied: its Kafka record is not, and will never become, a valid event envelope, its
 * payload does not match its declared event type, or it lacks a member a transition requires. Retrying cannot help,
 * so the ingest's error handler does not retry it: it is parked at once.
 */
public class UndecodableRecordException extends RuntimeException {

    private final String reason;

    public UndecodableRecordException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The exception among {@code failure} and its causes; null when there is none. */
    public static UndecodableRecordException in(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 32; depth++) {
            if (current instanceof UndecodableRecordException undecodable) {
                return undecodable;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }

    /** A short machine-readable category, used as a metric tag: {@code envelope}, {@code payload} or {@code integrity}. */
    public String reason() {
        return reason;
    }
}
