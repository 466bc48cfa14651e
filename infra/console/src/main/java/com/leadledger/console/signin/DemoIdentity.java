package com.leadledger.console.signin;

import java.util.List;

/** The launcher's demo identities (its {@code tokens.env}), offered on the local profile's sign-in page. */
public enum DemoIdentity {
    PARTNER_A("partner-a-user", "PARTNER", "P-1001"),
    PARTNER_B("partner-b-user", "PARTNER", "P-1002"),
    MANAGER("channel-manager", "CHANNEL_MANAGER", null),
    DIRECTOR("channel-director", "CHANNEL_DIRECTOR", null),
    COMMITTEE("arbitration-committee", "ARBITRATION_COMMITTEE", null),
    AUDITOR("auditor", "AUDITOR", null),
    ADMIN("admin", "ADMIN", null);

    private final String subject;
    private final String role;
    private final String partnerId;

    DemoIdentity(String subject, String role, String partnerId) {
        this.subject = subject;
        this.role = role;
        this.partnerId = partnerId;
    }

    public String subject() {
        return subject;
    }

    public List<String> roles() {
        return List.of(role);
    }

    public String partnerId() {
        return partnerId;
    }

    /** The message key of its name on the sign-in page. */
    public String messageKey() {
        return "identity." + name();
    }
}
