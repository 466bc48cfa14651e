package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish version 1 at first start; does nothing when a version is already published. */
public record PublishInitialPolicy(@TargetAggregateIdentifier String policyId, PolicyDocument policy,
                                   String publishedBy) {
}
