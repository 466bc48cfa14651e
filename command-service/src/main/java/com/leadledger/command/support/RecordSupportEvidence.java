package com.leadledger.command.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff record the customer's written preference (a document, by SHA-256, name and optional http(s) link) on the
 * opportunity, so that a support move can cite it.
 */
public record RecordSupportEvidence(
        @TargetAggregateIdentifier String opportunityId,
        String evidenceSha256,
        String name,
        String link,
        String recordedBy) {
}
