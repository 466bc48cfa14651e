package com.leadledger.kit.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code code}s an operation's refusals with one HTTP status may carry, beyond those every operation of its kind
 * can give (documented by {@link ProblemResponses}). Listed in the OpenAPI document on that status's
 * {@code application/problem+json} response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemCodes.List.class)
public @interface ProblemCodes {

    int status();

    String[] value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemCodes[] value();
    }
}
