package com.leadledger.console.dispute;

import com.leadledger.console.api.RecordedEvent;

import com.leadledger.console.api.Problem;

/**
 * What became of an action the user just sent on a dispute, shown at the top of its page: done (with the message key
 * naming it and the id of the event it was recorded as) or refused by the API with its problem.
 */
public record ActionResult(String action, String eventId, Problem problem) {

    static ActionResult done(String action, Object answer) {
        return new ActionResult(action, RecordedEvent.idIn(answer), null);
    }

    static ActionResult refused(String action, Problem problem) {
        return new ActionResult(action, null, problem);
    }

    public boolean isRefused() {
        return problem != null;
    }
}
