package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partner directory for fixtures: every partner id is an active GOLD partner authorized for every product line,
 * unless a test registers it otherwise or removes it.
 */
public final class TestPartners implements PartnerDirectory {

    private static final List<String> ALL_LINES =
            List.of("CLOUD_SERVICES", "COLLABORATION", "DATA_CENTER", "NETWORK_SECURITY");

    private final Map<String, Optional<RegisteredPartner>> registered = new HashMap<>();

    public TestPartners with(String partnerId, PartnerTier tier) {
        registered.put(partnerId, Optional.of(new RegisteredPartner(partnerId, partnerId, tier, ALL_LINES, false)));
        return this;
    }

    public TestPartners suspended(String partnerId) {
        registered.put(partnerId, Optional.of(new RegisteredPartner(partnerId, partnerId, PartnerTier.GOLD, ALL_LINES,
                true)));
        return this;
    }

    public TestPartners without(String partnerId) {
        registered.put(partnerId, Optional.empty());
        return this;
    }

    @Override
    public Optional<RegisteredPartner> find(String partnerId) {
        return registered.getOrDefault(partnerId,
                Optional.of(new RegisteredPartner(partnerId, partnerId, PartnerTier.GOLD, ALL_LINES, false)));
    }
}
