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
}
