package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;

import java.time.Instant;

/** A policy version as the API shows it. */
public record PublishedPolicy(long version, Instant publishedAt, String publishedBy, PolicyDocument policy) {
}
