package com.leadledger.query.registration;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.domain.Role;
import com.leadledger.query.notice.NoticeResponse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides what a caller may see of registrations. Vendor staff, auditors and operators see
 * everything; a partner-only caller sees its own registrations, without their position and review clock (either
 * would tell it that others registered the same opportunity first). The partner id comes from the verified token,
 * never from the request.
 *
 * @param partnerScope the partner whose registrations are visible, or null for all
 * @param forStaff     whether the staff-only members (position, review level and due time) are shown
 */
record RegistrationAccess(String partnerScope, boolean forStaff) {

    private static final Set<Role> SEES_ALL = EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    static RegistrationAccess of(Actor actor) {
        if (actor.roles().stream().anyMatch(SEES_ALL::contains)) {
            return new RegistrationAccess(null, true);
        }
        if (actor.has(Role.PARTNER) && actor.partnerId() != null && !actor.partnerId().isBlank()) {
            return new RegistrationAccess(actor.partnerId(), false);
        }
        throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "FORBIDDEN", "Your role may not do this.");
    }

    /** The filter the caller asked for, with the partner forced to its own for partner callers. */
    RegistrationFilter restrict(RegistrationFilter requested) {
        return partnerScope == null ? requested
                : new RegistrationFilter(partnerScope, requested.status(), requested.productLine(),
                        requested.pendingExtension());
    }

    RegistrationResponse render(RegistrationView view) {
        return RegistrationResponse.of(view, forStaff);
    }

    /** One registration with the notices its owner received about it. */
    RegistrationResponse render(RegistrationView view, List<NoticeResponse> ownersNotices) {
        return RegistrationResponse.of(view, forStaff, ownersNotices);
    }
}
