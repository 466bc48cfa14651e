package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Replaces the partner's e-mail contacts. {@code actingPartnerId} is the partner a partner caller acts for (null for
 * ADMIN): a partner may change only its own contacts, and another partner's id is not found.
 */
public record ChangePartnerContacts(@TargetAggregateIdentifier String partnerId, String actingPartnerId,
                                    List<Contact> contacts) {

    /** One address and the language ({@code ru} or {@code en}) the messages to it are written in. */
    public record Contact(String email, String language) {
    }
}
