package com.leadledger.query.partner;

import com.leadledger.events.partner.PartnerTier;

import java.time.Instant;
import java.util.List;

/** A partner as staff, auditors and admins read it; {@code suspendedAt}/{@code suspensionReason} null while active. */
public record PartnerResponse(
        String partnerId,
        String name,
        PartnerTier tier,
        List<String> productLines,
        PartnerView.Status status,
        String webhookUrl,
        Instant onboardedAt,
        Instant suspendedAt,
        String suspensionReason,
        int penaltyPoints,
        Instant updatedAt) {

    static PartnerResponse of(PartnerView v) {
        return new PartnerResponse(v.partnerId(), v.name(), v.tier(), v.productLines(), v.status(), v.webhookUrl(),
                v.onboardedAt(), v.suspendedAt(), v.suspensionReason(), v.penaltyPoints(), v.updatedAt());
    }
}
