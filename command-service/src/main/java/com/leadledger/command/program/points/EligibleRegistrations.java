package com.leadledger.command.program.points;

/** Port: whether a registration is the partner's own and currently approved (an extra discount may be bought on it). */
public interface EligibleRegistrations {

    boolean isApprovedRegistrationOf(String registrationId, String partnerId);
}
