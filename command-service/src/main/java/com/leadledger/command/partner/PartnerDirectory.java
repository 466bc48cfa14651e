package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;
import com.leadledger.kit.domain.RuleViolation;

import java.util.List;
import java.util.Optional;

/** Read-only port onto the partner registry, for the rules of other slices (eligibility, tier limits, respondents). */
public interface PartnerDirectory {

    record RegisteredPartner(String partnerId, String name, PartnerTier tier, List<String> productLines,
                             boolean suspended) {
    }

    Optional<RegisteredPartner> find(String partnerId);

    /**
     * A suspended partner may still read its data, withdraw, add evidence to and appeal disputes it is a party to; it
     * may not act for new business ({@code action}: "request extensions", …).
     */
    default void requireNotSuspended(String partnerId, String action) {
        if (find(partnerId).map(RegisteredPartner::suspended).orElse(false)) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "PARTNER_SUSPENDED",
                    "Your partner account is suspended and cannot " + action + ".");
        }
    }
}
