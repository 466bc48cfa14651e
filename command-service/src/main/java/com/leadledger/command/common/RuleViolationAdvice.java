package com.leadledger.command.common;

import com.leadledger.kit.problem.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleViolationAdvice {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> handle(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status)
                .body(Problems.of(status, violation.code(), violation.getMessage(), List.of(), violation.details()));
    }

    /** A command addressed to an aggregate that does not exist: the same 404 as any other missing object. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "not found"));
    }
}
