package com.leadledger.console.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link ConsoleUser} of an authentication, whichever way they signed in. */
public final class ConsoleUsers {

    static final String ROLES_CLAIM = "roles";
    static final String PARTNER_ID_CLAIM = "partner_id";

    private ConsoleUsers() {
    }

    public static Optional<ConsoleUser> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof ConsoleUser user) {
            return Optional.of(user);
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            List<String> roles = oidc.getClaimAsStringList(ROLES_CLAIM);
            Set<String> roleSet = roles == null ? Set.of() : new HashSet<>(roles);
            String partnerId = roleSet.contains(ConsoleUser.PARTNER) ? oidc.getClaimAsString(PARTNER_ID_CLAIM) : null;
            String name = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
            return Optional.of(new ConsoleUser(oidc.getSubject(), name, roleSet, partnerId));
        }
        return Optional.empty();
    }
}
