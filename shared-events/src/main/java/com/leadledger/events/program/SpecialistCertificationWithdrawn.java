package com.leadledger.events.program;

import java.time.Instant;

/** An admin withdrew a specialist's certification: it no longer counts from {@code withdrawnAt} on. */
public record SpecialistCertificationWithdrawn(String partnerId, String certificationId, String reason,
                                               Instant withdrawnAt) implements TierEvent {
}
