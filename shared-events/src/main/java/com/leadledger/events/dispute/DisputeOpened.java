package com.leadledger.events.dispute;

import java.time.Instant;

/**
 * A partner or channel staff opened a dispute about an opportunity (and possibly the complainant's own registration on
 * it). It starts at escalation level 1 with the SLA of that level.
 *
 * @param registrationId       the complainant's registration the dispute is about; null when none was named
 * @param complainantPartnerId the partner that complains; null when staff opened the dispute
 * @param openedByRole         the role the opener acted in (PARTNER, CHANNEL_MANAGER, …)
 * @param amounts              the amounts of a price-dumping complaint; null when none were given
 * @param level                always 1
 * @param slaDueAt             when level 1 must have ruled, in business days of policy {@code policyVersion}
 */
public record DisputeOpened(
        String disputeId,
        DisputeType type,
        String opportunityId,
        String registrationId,
        String complainantPartnerId,
        String openedByRole,
        String description,
        DisputeAmounts amounts,
        int level,
        Instant slaDueAt,
        Instant openedAt,
        long policyVersion) implements DisputeEvent {
}
