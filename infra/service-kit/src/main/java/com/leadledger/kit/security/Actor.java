package com.leadledger.kit.security;

import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, taken from the verified token only: a partner's identity never comes from a request body.
 *
 * @param partnerId present only when the token carries the PARTNER role and a {@code partner_id} claim
 */
public record Actor(String subject, Set<Role> roles, String partnerId) {

    public static final String PARTNER_ID_CLAIM = "partner_id";
    public static final String ROLES_CLAIM = "roles";

    public static Actor from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("not authenticated with a JWT");
        }
        Jwt jwt = token.getToken();
        Set<Role> roles = rolesOf(jwt);
        String partnerId = roles.contains(Role.PARTNER) ? jwt.getClaimAsString(PARTNER_ID_CLAIM) : null;
        return new Actor(jwt.getSubject(), roles, partnerId);
    }

    static Set<Role> rolesOf(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role.STAFF::contains);
    }

    /** The highest staff role of the caller (committee over director over manager), for decision metadata. */
    public Role staffRole() {
        for (Role role : List.of(Role.ARBITRATION_COMMITTEE, Role.CHANNEL_DIRECTOR, Role.CHANNEL_MANAGER)) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("not a staff member");
    }

    /** The role a caller acts in where partners and staff may both act: its highest staff role, else PARTNER. */
    public Role partnerOrStaffRole() {
        return isStaff() ? staffRole() : Role.PARTNER;
    }

    /** The partner the caller acts for; refused when the token names none. */
    public String requirePartnerId() {
        if (partnerId == null) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "PARTNER_UNKNOWN", "The token names no partner.");
        }
        return partnerId;
    }

    /** The partner a partner caller acts for; null for staff, who act for no partner. */
    public String partnerIdUnlessStaff() {
        return isStaff() ? null : requirePartnerId();
    }

    /** A partner-only caller: its reads are limited to its own data. */
    public boolean isPartnerOnly() {
        return roles.contains(Role.PARTNER) && roles.stream().allMatch(r -> r == Role.PARTNER);
    }

    /** The role recorded in event metadata for an action the given role authorized. */
    public String rolesAsText() {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }
}
