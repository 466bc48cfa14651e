package com.leadledger.events.customer;

import java.net.IDN;
import java.util.Locale;

/** Normalizes web domains: lower case, no scheme, no {@code www.}, port, path or trailing dot; IDN to punycode. */
public final class Domains {

    private static final int MAX_LENGTH = 253;

    private Domains() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException("DOMAIN_BLANK", "domain must not be blank");
        }
        String d = raw.trim().toLowerCase(Locale.ROOT);
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int cut = firstIndexOf(d, '/', '?', '#');
        if (cut >= 0) {
            d = d.substring(0, cut);
        }
        int at = d.lastIndexOf('@');
        if (at >= 0) {
            d = d.substring(at + 1);
        }
        int colon = d.indexOf(':');
        if (colon >= 0) {
            d = d.substring(0, colon);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException("DOMAIN_FORMAT", "domain is not a valid host name");
        }
        if (ascii.length() > MAX_LENGTH || !ascii.contains(".")
                || !ascii.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}")) {
            throw new InvalidIdentifierException("DOMAIN_FORMAT", "domain must be a host name such as example.com");
        }
        return ascii;
    }

    private static int firstIndexOf(String s, char... chars) {
        int min = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (min < 0 || i < min)) {
                min = i;
            }
        }
        return min;
    }
}
