package com.leadledger.events.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The normalized tax id when present, else the normalized domain: what makes two registrations the same customer. */
public record CustomerKey(String value) {

    public CustomerKey {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static CustomerKey parse(String value) {
        return new CustomerKey(value);
    }

    public static CustomerKey of(CustomerIdentity customer) {
        if (customer.taxId() != null) {
            return new CustomerKey(customer.taxId());
        }
        if (customer.domain() != null) {
            return new CustomerKey(customer.domain());
        }
        throw new InvalidIdentifierException("CUSTOMER_IDENTIFIER_MISSING", "a tax id or a domain is required");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
