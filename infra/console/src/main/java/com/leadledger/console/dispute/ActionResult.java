package com.leadledger.console.dispute;

import com.leadledger.console.api.Problem;

/**
 * What became of an action the user just sent on a dispute, shown at the top of its page: done (with the message key
 * naming it) or refused by the API with its problem.
 */
public record ActionResult(String action, Problem problem) {

    static ActionResult done(String action) {
        return new ActionResult(action, null);
    }

    static ActionResult refused(String action, Problem problem) {
        return new ActionResult(action, problem);
    }

    public boolean isRefused() {
        return problem != null;
    }
}
