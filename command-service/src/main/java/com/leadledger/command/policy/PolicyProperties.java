package com.leadledger.command.policy;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** @param initial the policy document published as version 1 at first start ({@code LEADLEDGER_INITIAL_POLICY}) */
@ConfigurationProperties("leadledger.policy")
@Validated
public record PolicyProperties(@NotNull Resource initial) {
}
