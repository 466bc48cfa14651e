package com.leadledger.events.dispute;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param dumpingFlagId        the possible-dumping flag staff opened it from; null (and absent from the stored form,
 *                             as in disputes opened before flags existed) otherwise
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
        long policyVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) String dumpingFlagId) implements DisputeEvent {

    /** A dispute not opened from a possible-dumping flag. */
    public DisputeOpened(String disputeId, DisputeType type, String opportunityId, String registrationId,
                         String complainantPartnerId, String openedByRole, String description, DisputeAmounts amounts,
                         int level, Instant slaDueAt, Instant openedAt, long policyVersion) {
        this(disputeId, type, opportunityId, registrationId, complainantPartnerId, openedByRole, description, amounts,
                level, slaDueAt, openedAt, policyVersion, null);
    }
}
