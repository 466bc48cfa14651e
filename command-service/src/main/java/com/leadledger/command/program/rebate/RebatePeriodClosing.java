package com.leadledger.command.program.rebate;

import com.leadledger.command.common.NestedCommands;
import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishedPolicy;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles {@link CloseRebatePeriod}: accrues the rebate of each partner that won deals in the period, one
 * {@link AccrueRebate} each, in one transaction (a refusal, such as a period not yet ended, accrues nothing).
 */
@Component
class RebatePeriodClosing {

    private final CommandBus commandBus;
    private final RebatePartners partners;

    RebatePeriodClosing(@Lazy CommandBus commandBus, RebatePartners partners) {
        this.commandBus = commandBus;
        this.partners = partners;
    }

    @CommandHandler
    CloseRebatePeriod.Closed handle(CloseRebatePeriod command, Clock clock, Policies policies) {
        RebatePeriod period = RebatePeriod.parse(command.period());
        PublishedPolicy policy = policies.inForce();
        Rebate.requireClosable(policy, period, clock.instant());
        ZoneId zone = ZoneId.of(policy.policy().calendar().timeZone());
        List<String> accrued = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String partnerId : partners.withWins(period.start(zone), period.end(zone))) {
            boolean now = NestedCommands.dispatch(commandBus, AccrueRebate.of(partnerId, period));
            (now ? accrued : already).add(partnerId);
        }
        return new CloseRebatePeriod.Closed(period.name(), List.copyOf(accrued), List.copyOf(already));
    }
}
