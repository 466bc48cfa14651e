package com.leadledger.console.review;

import java.math.BigDecimal;

/**
 * What an approval may grant a partner of {@code tier} under the policy in force: at most this discount, and this
 * many days of protection (the default when the approval names none).
 */
public record TierLimits(String tier, BigDecimal maxDiscountPercent, int protectionDays, long policyVersion) {
}
