package com.leadledger.query.audit;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param enabled  whether the copy is reconciled periodically ({@code LEADLEDGER_RECONCILIATION_ENABLED})
 * @param interval how often ({@code LEADLEDGER_RECONCILIATION_INTERVAL})
 * @param grace    how long after sealing events of a checkpoint missing from the copy count as in flight, not as
 *                 divergence ({@code LEADLEDGER_RECONCILIATION_GRACE})
 * @param fullInterval how often a periodic reconciliation reads the whole copy; the ones between read only what follows
 *                     the last checkpoint already re-computed on it ({@code LEADLEDGER_RECONCILIATION_FULL_INTERVAL})
 */
@ConfigurationProperties("leadledger.reconciliation")
@Validated
public record ReconciliationProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("60s") Duration interval,
        @NotNull @DefaultValue("5m") Duration grace,
        @NotNull @DefaultValue("1h") Duration fullInterval) {
}
