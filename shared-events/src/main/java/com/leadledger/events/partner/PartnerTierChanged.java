package com.leadledger.events.partner;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The partner's tier changed: set by an admin, or an admin confirmed a qualification run's evaluation
 * ({@code evaluationId}); {@code justification} is the admin's written reason when the confirmed tier differs from the
 * proposed one. Both are null for a tier set directly, and such events are stored as they were before.
 */
public record PartnerTierChanged(String partnerId, PartnerTier previousTier, PartnerTier tier, Instant changedAt,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String evaluationId,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String justification)
        implements PartnerEvent {

    /** A tier set directly by an admin. */
    public PartnerTierChanged(String partnerId, PartnerTier previousTier, PartnerTier tier, Instant changedAt) {
        this(partnerId, previousTier, tier, changedAt, null, null);
    }
}
