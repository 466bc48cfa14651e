package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;

import java.util.List;
import java.util.Optional;

/** Read-only port onto the partner registry, for the rules of other slices (eligibility, tier limits, respondents). */
public interface PartnerDirectory {

    record RegisteredPartner(String partnerId, String name, PartnerTier tier, List<String> productLines,
                             boolean suspended) {
    }

    Optional<RegisteredPartner> find(String partnerId);
}
