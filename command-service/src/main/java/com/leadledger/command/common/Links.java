package com.leadledger.command.common;

import com.leadledger.kit.domain.RuleViolation;

import java.net.URI;

/** Links that commands record (evidence documents, partner webhooks): absolute http(s) URLs only. */
public final class Links {

    private Links() {
    }

    /** The link as recorded, null when none was given; refused naming {@code field} when it is no http(s) URL. */
    public static String httpUrlOrNull(String url, String field) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException ignored) {
            // refused below
        }
        throw RuleViolation.invalidField(field, "must be an absolute http(s) URL");
    }
}
