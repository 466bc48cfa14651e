package com.leadledger.command.common;

/** Optional free-text fields: blank means absent, surrounding white space is not kept. */
public final class Texts {

    private Texts() {
    }

    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
