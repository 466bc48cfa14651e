package com.leadledger.events.partner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A partner's tier, by the name the policy in force gives it (its benefits and qualification rules are policy data,
 * {@code PolicyDocument.tiers}). It is stored and sent as the bare name, exactly as the enum it replaces was
 * ({@code "GOLD"}), so every stored event stays readable. The four constants are the tiers of the shipped policy.
 */
public final class PartnerTier {

    public static final PartnerTier REGISTERED = new PartnerTier("REGISTERED");
    public static final PartnerTier SILVER = new PartnerTier("SILVER");
    public static final PartnerTier GOLD = new PartnerTier("GOLD");
    public static final PartnerTier PLATINUM = new PartnerTier("PLATINUM");

    private final String name;

    private PartnerTier(String name) {
        this.name = name;
    }

    /** The tier called {@code name}; whether the policy in force defines it is checked where a tier is set. */
    @JsonCreator
    public static PartnerTier of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tier name is required");
        }
        return new PartnerTier(name.strip());
    }

    /** The same as {@link #of(String)}, named as the enum's method was. */
    public static PartnerTier valueOf(String name) {
        return of(name);
    }

    @JsonValue
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerTier tier && tier.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
