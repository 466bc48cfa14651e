package com.leadledger.kit.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules ({@code errors[].rule}) an operation's {@code VALIDATION_FAILED} answers may name beyond bean validation's
 * own, listed in the OpenAPI document on its 400 response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FieldRules {

    String[] value();
}
