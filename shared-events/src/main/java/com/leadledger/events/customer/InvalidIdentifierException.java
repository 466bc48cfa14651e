package com.leadledger.events.customer;

/** A customer identifier that cannot be normalized; {@link #code()} is machine-readable. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String code;

    public InvalidIdentifierException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
