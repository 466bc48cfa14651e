package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a complete new policy version, in force from now on. */
public record PublishPolicy(@TargetAggregateIdentifier String policyId, PolicyDocument policy, String publishedBy) {
}
