package com.leadledger.events.opportunity;

import java.time.Instant;

/**
 * Staff recorded a document on the opportunity that a support decision may cite — the customer's written preference —
 * by its SHA-256, name and optional link; the document itself is not stored. A move citing
 * {@link SupportReason#CUSTOMER_WRITTEN_PREFERENCE} must name a recorded one.
 *
 * @param recordedBy the staff member (token subject)
 */
public record SupportEvidenceRecorded(
        String opportunityId,
        String evidenceSha256,
        String name,
        String link,
        String recordedBy,
        Instant recordedAt) implements OpportunityEvent {
}
