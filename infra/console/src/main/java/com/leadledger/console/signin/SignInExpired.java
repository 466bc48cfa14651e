package com.leadledger.console.signin;

/** The user's token is gone or refused by the API (expired): they sign in again. */
public class SignInExpired extends RuntimeException {

    public SignInExpired() {
        super("the sign-in has expired");
    }
}
