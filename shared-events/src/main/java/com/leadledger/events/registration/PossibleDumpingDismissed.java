package com.leadledger.events.registration;

import java.time.Instant;

/** Staff looked at a possible-dumping flag and closed it without a dispute, for {@code reason}. */
public record PossibleDumpingDismissed(
        String opportunityId,
        String registrationId,
        String flagId,
        String reason,
        String dismissedBy,
        Instant dismissedAt) implements RegistrationEvent {
}
