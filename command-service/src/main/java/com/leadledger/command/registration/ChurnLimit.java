package com.leadledger.command.registration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How fast one partner may register one opportunity: at most {@code maxRegistrations} registrations within any
 * {@code window}, whatever became of them (withdrawn, rejected, lost). Each registration grows the opportunity's stream
 * for good; without this limit one partner could grow it without end. Injected into the {@link Opportunity}'s
 * submission handler.
 *
 * @param maxRegistrations registrations of one partner on one opportunity within the window
 * @param window           the rolling window they are counted in
 */
@ConfigurationProperties("leadledger.registration.churn-limit")
@Validated
public record ChurnLimit(
        @Min(1) @DefaultValue("20") int maxRegistrations,
        @DefaultValue("24h") Duration window) {

    public ChurnLimit {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("leadledger.registration.churn-limit.window must be positive");
        }
    }

    /**
     * When the partner may register once more, given when its earlier registrations here were accepted; empty when it
     * may now.
     */
    Optional<Instant> nextAllowedAt(Collection<Instant> acceptedAt, Instant now) {
        Instant windowStart = now.minus(window);
        List<Instant> recent = acceptedAt.stream().filter(at -> at.isAfter(windowStart)).sorted().toList();
        if (recent.size() < maxRegistrations) {
            return Optional.empty();
        }
        return Optional.of(recent.get(recent.size() - maxRegistrations).plus(window));
    }

    /** The window as a person reads it: "24 hours", "90 minutes". */
    String windowText() {
        return window.toMinutesPart() == 0 && window.toSecondsPart() == 0 && window.toHours() > 0
                ? window.toHours() + " hours" : window.toMinutes() + " minutes";
    }
}
