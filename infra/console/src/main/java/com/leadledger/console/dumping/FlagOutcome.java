package com.leadledger.console.dumping;

import com.leadledger.console.api.Problem;

/** What became of a dismissal just sent, or of a dispute that could not be opened: done, or refused with a problem. */
public record FlagOutcome(String flagId, String action, Problem problem) {

    public boolean isRefused() {
        return problem != null;
    }
}
