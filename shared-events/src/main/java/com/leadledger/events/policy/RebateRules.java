package com.leadledger.events.policy;

/** The rebate schedule: brackets on period volume per product line, seasons and accrual. */
public record RebateRules() {
}
