package com.leadledger.command.registration;

import com.leadledger.command.partner.PartnerRegistry;
import com.leadledger.kit.domain.RuleViolation;
import org.springframework.stereotype.Component;

/** Submission eligibility on the partner's side: known, not suspended, authorized for the product line. */
@Component
class PartnerEligibility {

    private final PartnerRegistry partners;

    PartnerEligibility(PartnerRegistry partners) {
        this.partners = partners;
    }

    PartnerRegistry.RegisteredPartner requireEligible(String partnerId, String productLine) {
        var partner = partners.find(partnerId).orElseThrow(() -> new RuleViolation(RuleViolation.Kind.FORBIDDEN,
                "PARTNER_UNKNOWN", "Your partner account is not registered in the channel program."));
        if (partner.suspended()) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "PARTNER_SUSPENDED",
                    "Your partner account is suspended and cannot submit registrations.");
        }
        if (productLine != null && !partner.productLines().contains(productLine)) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "PRODUCT_LINE_NOT_AUTHORIZED",
                    "Your partner account is not authorized for product line " + productLine + ".");
        }
        return partner;
    }
}
