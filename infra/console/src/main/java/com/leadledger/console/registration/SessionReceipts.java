package com.leadledger.console.registration;

import jakarta.servlet.http.HttpSession;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receipts handed out in this session, as JSON text. The API gives a receipt only with the submission's answer,
 * so the console keeps it for the session (to show and download) and tells the partner to keep the file.
 */
final class SessionReceipts {

    private static final String ATTRIBUTE = SessionReceipts.class.getName();

    private SessionReceipts() {
    }

    static void keep(HttpSession session, String registrationId, String receiptJson) {
        if (receiptJson != null) {
            receipts(session).put(registrationId, receiptJson);
        }
    }

    static Optional<String> of(HttpSession session, String registrationId) {
        return Optional.ofNullable(receipts(session).get(registrationId));
    }

    @SuppressWarnings("unchecked")
    private static synchronized Map<String, String> receipts(HttpSession session) {
        Object held = session.getAttribute(ATTRIBUTE);
        if (held == null) {
            held = new ConcurrentHashMap<String, String>();
            session.setAttribute(ATTRIBUTE, held);
        }
        return (Map<String, String>) held;
    }
}
