package com.leadledger.command.dispute;

import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.EvidenceDocument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A party ({@code partnerId}) or staff ({@code partnerId} null) adds evidence to an open dispute: a description,
 * optional amounts, and documents recorded as name + SHA-256 + optional http(s) link.
 */
public record AddEvidence(
        @TargetAggregateIdentifier String disputeId,
        String evidenceId,
        String submittedBy,
        String partnerId,
        String description,
        DisputeAmounts amounts,
        List<EvidenceDocument> documents) {
}
