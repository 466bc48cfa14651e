package com.leadledger.command.dispute;

import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.kit.domain.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a dispute about {@code opportunityId}. The caller has already checked that a partner complainant names only its
 * own registration or an opportunity it registered.
 *
 * @param registrationId       the complainant's registration, or null
 * @param complainantPartnerId the complaining partner; null when staff open it
 * @param amounts              required for {@link DisputeType#PRICE_DUMPING}
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
        long policyVersion) {
}
