package com.leadledger.events.partner;

import java.time.Instant;
import java.util.List;

public record PartnerProductLinesChanged(String partnerId, List<String> productLines, Instant changedAt) implements PartnerEvent {
}
