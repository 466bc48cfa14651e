package com.leadledger.events.partner;

import java.time.Instant;
import java.util.List;

/** An admin admitted a partner to the channel program. {@code productLines} are the lines it may register. */
public record PartnerOnboarded(String partnerId, String name, PartnerTier tier, List<String> productLines,
                               String webhookUrl, Instant onboardedAt) implements PartnerEvent {
}
