package com.leadledger.kit.domain;

import java.util.EnumSet;
import java.util.Set;

/** The roles a token may carry in its {@code roles} claim (see DOMAIN.md). */
public enum Role {
    PARTNER, CHANNEL_MANAGER, CHANNEL_DIRECTOR, ARBITRATION_COMMITTEE, AUDITOR, ADMIN,
    /** Reads metrics and build info only (a Prometheus scraper), nothing of the API. */
    METRICS;

    /** Vendor channel and arbitration staff. */
    public static final Set<Role> STAFF = EnumSet.of(CHANNEL_MANAGER, CHANNEL_DIRECTOR, ARBITRATION_COMMITTEE);

    public String authority() {
        return "ROLE_" + name();
    }

    public static String[] names(Set<Role> roles) {
        return roles.stream().map(Enum::name).toArray(String[]::new);
    }
}
