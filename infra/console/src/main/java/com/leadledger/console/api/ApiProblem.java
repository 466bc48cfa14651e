package com.leadledger.console.api;

/** The API refused a call: its problem, to be shown where the user acted. */
public class ApiProblem extends RuntimeException {

    private final Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.status() + " " + problem.code() + ": " + problem.summary());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * 403 (the user's role may not) or 404 (no such object for this user): a form answers these as the API did,
     * rather than showing them next to the form as it shows a rule's refusal.
     */
    public boolean refusesTheUser() {
        return problem.status() == 403 || problem.status() == 404;
    }
}
