package com.leadledger.console.review;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tier limits of the partners in the queue: each partner's tier (query service) with the current policy's rule
 * for it (command service). The API still enforces them; the form only shows them.
 */
@Component
class TierLimitsReader {

    private static final ParameterizedTypeReference<Page<Partner>> PARTNERS = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;

    TierLimitsReader(LeadLedgerApi api) {
        this.api = api;
    }

    record Partner(String partnerId, String tier) {
    }

    record PolicyVersion(long version, Policy policy) {
    }

    record Policy(Map<String, TierRule> tiers) {
    }

    record TierRule(int protectionDays, BigDecimal maxDiscountPercent) {
    }

    /** The limits per partner id, for the partners named (a partner or tier the API does not know is left out). */
    Map<String, TierLimits> of(Collection<String> partnerIds) {
        Map<String, TierLimits> limits = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return limits;
        }
        Set<String> wanted = Set.copyOf(partnerIds);
        PolicyVersion current = api.readCommand("/api/v1/policies/current", PolicyVersion.class);
        for (Partner partner : api.read("/api/v1/partners?page=0&size=200", PARTNERS).items()) {
            TierRule rule = current.policy().tiers().get(partner.tier());
            if (wanted.contains(partner.partnerId()) && rule != null) {
                limits.put(partner.partnerId(), new TierLimits(partner.tier(), rule.maxDiscountPercent(),
                        rule.protectionDays(), current.version()));
            }
        }
        return limits;
    }
}
