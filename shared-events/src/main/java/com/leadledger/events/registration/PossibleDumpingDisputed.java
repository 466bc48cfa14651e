package com.leadledger.events.registration;

import java.time.Instant;

/**
 * Staff turned a possible-dumping flag into the PRICE_DUMPING dispute {@code disputeId}, opened right after from the
 * flag's numbers; a flag is taken to a dispute once.
 */
public record PossibleDumpingDisputed(
        String opportunityId,
        String registrationId,
        String flagId,
        String disputeId,
        String openedBy,
        Instant disputedAt) implements RegistrationEvent {
}
