package com.leadledger.localruntime;

import java.time.Duration;
import java.util.List;

/**
 * The demo identities of the local profile: the launcher prints their tokens and writes them to {@code tokens.env},
 * the console offers them on its sign-in page. One role each; partners carry their partner id.
 */
public enum DemoIdentity {
    PARTNER_A("PARTNER_A_TOKEN", "partner A (P-1001)", "partner-a-user", "PARTNER", "P-1001"),
    PARTNER_B("PARTNER_B_TOKEN", "partner B (P-1002)", "partner-b-user", "PARTNER", "P-1002"),
    MANAGER("MANAGER_TOKEN", "channel manager", "channel-manager", "CHANNEL_MANAGER", null),
    DIRECTOR("DIRECTOR_TOKEN", "channel director", "channel-director", "CHANNEL_DIRECTOR", null),
    COMMITTEE("COMMITTEE_TOKEN", "arbitration committee", "arbitration-committee", "ARBITRATION_COMMITTEE", null),
    AUDITOR("AUDITOR_TOKEN", "auditor", "auditor", "AUDITOR", null),
    ADMIN("ADMIN_TOKEN", "admin", "admin", "ADMIN", null);

    private final String tokenVariable;
    private final String who;
    private final String subject;
    private final String role;
    private final String partnerId;

    DemoIdentity(String tokenVariable, String who, String subject, String role, String partnerId) {
        this.tokenVariable = tokenVariable;
        this.who = who;
        this.subject = subject;
        this.role = role;
        this.partnerId = partnerId;
    }

    /** The shell variable {@code tokens.env} exports its token as. */
    public String tokenVariable() {
        return tokenVariable;
    }

    /** Who it is, as the launcher prints it. */
    public String who() {
        return who;
    }

    public String subject() {
        return subject;
    }

    public List<String> roles() {
        return List.of(role);
    }

    /** Null for staff. */
    public String partnerId() {
        return partnerId;
    }

    /** Its token, signed with the local profile's secret. */
    public String mint(String secret, Duration ttl) {
        return DevTokens.mint(secret, subject, roles(), partnerId, ttl);
    }
}
