package com.leadledger.command.common;

/**
 * A command addressed by registration id alone. The command bus finds the opportunity the registration was filed on
 * (its consistency boundary) and refuses an unknown id as {@code NOT_FOUND}, so no sender needs to know the
 * opportunity.
 */
public interface RegistrationAddressed {

    String registrationId();
}
