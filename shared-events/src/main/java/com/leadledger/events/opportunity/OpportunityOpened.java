package com.leadledger.events.opportunity;

import com.leadledger.events.customer.CustomerKey;

import java.time.Instant;

/** The first registration for (customer key, product line) opened the opportunity. */
public record OpportunityOpened(String opportunityId, CustomerKey customerKey, String productLine, Instant openedAt) implements OpportunityEvent {
}
