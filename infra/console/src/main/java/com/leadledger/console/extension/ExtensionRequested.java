package com.leadledger.console.extension;

/** An extension request the API accepted: the days asked (null: the policy's longest) and the event it became. */
public record ExtensionRequested(String days, String eventId) {
}
