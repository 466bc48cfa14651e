package com.leadledger.command.dispute;

import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.kit.domain.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a dispute about the opportunity of {@code registrationId}, or about {@code opportunityId}. A partner
 * complainant may name only its own registration or an opportunity it registered (anything else is the same
 * {@code NOT_FOUND} as an unknown one); staff may name any.
 *
 * @param complainantPartnerId the complaining partner; null when staff open it
 * @param amounts              required for {@link DisputeType#PRICE_DUMPING}
 * @param dumpingFlagId        the possible-dumping flag staff opened it from; null otherwise
 */
public record OpenDispute(
        @TargetAggregateIdentifier String disputeId,
        DisputeType type,
        String opportunityId,
        String registrationId,
        String complainantPartnerId,
        Role openedByRole,
        String description,
        DisputeAmounts amounts,
        String dumpingFlagId) {

    public OpenDispute(String disputeId, DisputeType type, String opportunityId, String registrationId,
                       String complainantPartnerId, Role openedByRole, String description, DisputeAmounts amounts) {
        this(disputeId, type, opportunityId, registrationId, complainantPartnerId, openedByRole, description, amounts,
                null);
    }
}
