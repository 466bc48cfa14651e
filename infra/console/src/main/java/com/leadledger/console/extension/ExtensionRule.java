package com.leadledger.console.extension;

/**
 * The policy's rule for extensions, shown on the request form (the API enforces it): at most {@code maxCount}
 * extensions of 1 to {@code maxDays} days each, under policy {@code version}.
 */
public record ExtensionRule(int maxCount, int maxDays, long version) {
}
