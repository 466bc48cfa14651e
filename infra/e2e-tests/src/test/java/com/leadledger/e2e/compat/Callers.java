package com.leadledger.e2e.compat;

import com.leadledger.localruntime.DevTokens;

import java.util.List;

/**
 * Who reads or acts in the story, written as the expected answers name them: a role ({@code CHANNEL_MANAGER},
 * {@code AUDITOR}, …) or {@code PARTNER:<partnerId>}; each gets a dev token the services accept in the local profile.
 */
final class Callers {

    static final String ADMIN = "ADMIN";
    static final String MANAGER = "CHANNEL_MANAGER";
    static final String DIRECTOR = "CHANNEL_DIRECTOR";
    static final String COMMITTEE = "ARBITRATION_COMMITTEE";
    static final String AUDITOR = "AUDITOR";
    private static final String PARTNER_PREFIX = "PARTNER:";

    private Callers() {
    }

    static String partner(String partnerId) {
        return PARTNER_PREFIX + partnerId;
    }

    /** A fresh dev token for the caller; staff subjects are {@code <role in lower case>-1}, as in the other tests. */
    static boolean isPartner(String caller) {
        return caller.startsWith(PARTNER_PREFIX);
    }

    static String token(String caller) {
        if (caller.startsWith(PARTNER_PREFIX)) {
            String partnerId = caller.substring(PARTNER_PREFIX.length());
            return DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
        }
        return DevTokens.mint(caller.toLowerCase() + "-1", List.of(caller), null);
    }
}
