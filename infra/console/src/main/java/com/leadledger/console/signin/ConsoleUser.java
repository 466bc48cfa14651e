package com.leadledger.console.signin;

import java.util.Set;

/**
 * Who is signed in, as the API will see them: the subject, the roles and (partners) the partner id of their token.
 * The console uses it only to choose what to offer; every answer still comes from the API under the user's token.
 */
public record ConsoleUser(String subject, String displayName, Set<String> roles, String partnerId) {

    public static final String PARTNER = "PARTNER";
    private static final Set<String> STAFF = Set.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE");

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    public boolean isPartner() {
        return roles.contains(PARTNER) && partnerId != null;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(STAFF::contains);
    }
}
