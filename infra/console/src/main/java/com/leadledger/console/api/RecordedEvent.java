package com.leadledger.console.api;

import java.util.Map;

/** The id of the event a write was recorded as, from the command API's answer ({@code eventId}; null if absent). */
public final class RecordedEvent {

    private RecordedEvent() {
    }

    public static String idIn(Object answer) {
        Object eventId = answer instanceof Map<?, ?> body ? body.get("eventId") : null;
        return eventId == null ? null : eventId.toString();
    }
}
