package com.leadledger.command.dumping;

import com.leadledger.command.common.NestedCommands;
import com.leadledger.command.dispute.DisputeLevel;
import com.leadledger.command.dispute.LinkRespondent;
import com.leadledger.command.dispute.OpenDispute;
import com.leadledger.command.registration.DisputeDumpingFlag;
import com.leadledger.command.registration.DumpingFlagIds;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Handles {@link OpenDisputeFromDumpingFlag} in one transaction: the flag is marked first (its aggregate refuses a
 * flag already disputed or dismissed, before any dispute exists), then the dispute is opened with the flag's numbers
 * and the flagged partner linked as respondent. A refusal at any step leaves neither the mark nor the dispute.
 */
@Component
class DumpingFlagDisputes {

    private final CommandBus commandBus;

    DumpingFlagDisputes(@Lazy CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @CommandHandler
    DisputeLevel handle(OpenDisputeFromDumpingFlag command) {
        String registrationId = DumpingFlagIds.registrationOf(command.flagId())
                .orElseThrow(() -> RuleViolation.notFound("possible-dumping flag"));
        DisputeDumpingFlag.FlagFacts flag = NestedCommands.dispatch(commandBus, new DisputeDumpingFlag(registrationId,
                command.flagId(), command.disputeId(), command.openedBy()));
        DisputeLevel opened = NestedCommands.dispatch(commandBus, new OpenDispute(command.disputeId(),
                DisputeType.PRICE_DUMPING, flag.opportunityId(), null, null, command.openedByRole(),
                description(command.description(), flag),
                new DisputeAmounts(flag.registeredValue(), flag.finalValue(), flag.approvedDiscountPercent()),
                command.flagId()));
        NestedCommands.dispatch(commandBus, new LinkRespondent(command.disputeId(), flag.partnerId(),
                flag.registrationId()));
        return opened;
    }

    /** The staff member's description, or one written from the flag's numbers. */
    private static String description(String given, DisputeDumpingFlag.FlagFacts flag) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return "Possible price dumping: registration " + flag.registrationId() + " was won at "
                + flag.finalValue().amount().toPlainString() + " " + flag.finalValue().currency() + " against "
                + flag.registeredValue().amount().toPlainString() + " " + flag.registeredValue().currency()
                + " registered, an implied discount of " + flag.impliedDiscountPercent().toPlainString()
                + " % with " + flag.approvedDiscountPercent().toPlainString() + " % approved.";
    }
}
