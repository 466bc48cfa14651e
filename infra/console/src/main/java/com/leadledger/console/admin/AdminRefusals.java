package com.leadledger.console.admin;

import com.leadledger.console.api.ApiProblem;

/** Which refusals of an admin action become the answer's status rather than a message on the page. */
final class AdminRefusals {

    private AdminRefusals() {
    }

    /** 403 (the role may not) and 404 (no such object for this user): answered as the API answered them. */
    static boolean notForThisUser(ApiProblem refused) {
        int status = refused.problem().status();
        return status == 403 || status == 404;
    }
}
