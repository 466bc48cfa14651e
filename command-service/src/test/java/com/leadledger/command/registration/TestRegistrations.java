package com.leadledger.command.registration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A registration directory for fixtures: the registrations a test files, by id. */
public final class TestRegistrations implements RegistrationDirectory {

    private final Map<String, FiledOn> filed = new HashMap<>();

    public TestRegistrations filed(String registrationId, String opportunityId, String partnerId) {
        filed.put(registrationId, new FiledOn(registrationId, opportunityId, partnerId));
        return this;
    }

    @Override
    public Optional<FiledOn> find(String registrationId) {
        return Optional.ofNullable(filed.get(registrationId));
    }

    @Override
    public boolean hasRegistrationOn(String opportunityId, String partnerId) {
        return filed.values().stream().anyMatch(r -> r.opportunityId().equals(opportunityId)
                && (partnerId == null || r.partnerId().equals(partnerId)));
    }
}
