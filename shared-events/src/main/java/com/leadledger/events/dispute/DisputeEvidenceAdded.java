package com.leadledger.events.dispute;

import java.time.Instant;
import java.util.List;

/**
 * A party or staff member added evidence: a description, optional amounts and documents recorded by hash only.
 *
 * @param submittedBy          the actor (token subject) who submitted it
 * @param submittedByPartnerId the submitting partner; null when staff submitted it
 * @param amounts              null when the evidence names no amounts
 * @param documents            possibly empty, never null
 */
public record DisputeEvidenceAdded(
        String disputeId,
        String evidenceId,
        String submittedBy,
        String submittedByPartnerId,
        String description,
        DisputeAmounts amounts,
        List<EvidenceDocument> documents,
        Instant addedAt) implements DisputeEvent {
}
