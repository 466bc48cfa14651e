package com.leadledger.events.program;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An admin recorded that one of the partner's specialists is certified for a product line from {@code validFrom} to
 * {@code validUntil} (both included). The qualification run counts the specialists certified on its run date.
 */
public record SpecialistCertified(String partnerId, String certificationId, String productLine, String specialist,
                                  LocalDate validFrom, LocalDate validUntil, Instant recordedAt) implements TierEvent {

    /** Whether the certification is valid on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
