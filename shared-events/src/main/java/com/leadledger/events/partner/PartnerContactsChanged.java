package com.leadledger.events.partner;

import java.time.Instant;
import java.util.List;

/**
 * The partner's e-mail contacts were replaced by {@code contacts} (an empty list removes them all): the addresses that
 * receive the program's messages about the partner's own registrations and disputes, each in its language.
 */
public record PartnerContactsChanged(String partnerId, List<Contact> contacts, Instant changedAt)
        implements PartnerEvent {

    /** @param language {@code ru} or {@code en} */
    public record Contact(String email, String language) {
    }
}
