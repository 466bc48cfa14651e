package com.leadledger.command.dumping;

import com.leadledger.kit.domain.Role;

/**
 * Staff take the possible-dumping flag {@code flagId} to the new PRICE_DUMPING dispute {@code disputeId}.
 *
 * @param description the staff member's own words; null or blank to have one written from the flag's numbers
 */
public record OpenDisputeFromDumpingFlag(String flagId, String disputeId, String openedBy, Role openedByRole,
                                         String description) {
}
