package com.leadledger.command.dispute;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.partner.PenalizePartner;
import com.leadledger.command.partner.ReversePenalty;
import com.leadledger.command.registration.RecordRuling;
import com.leadledger.command.registration.RestoreProtection;
import com.leadledger.command.registration.RevokeProtection;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.RulingEffects;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a ruling's effects as commands on the aggregates they belong to, each recording its own event: the
 * rightful registration on the dispute's opportunity, the revocation on the respondent registration's opportunity,
 * the penalty on the respondent partner. An appeal decision sends the current effects again (a confirmation records
 * nothing) and reverses whatever of the superseded ruling's effects it no longer orders.
 *
 * <p>Runs in its own tracking processor ({@value #PROCESSING_GROUP}) whose errors propagate: the commands' events and
 * the processor's token commit in one transaction, and a failure is retried from the same ruling, never skipped. All
 * commands are idempotent, so a redelivered ruling changes nothing twice; a replay (token reset) does not carry out old
 * rulings again. The commands carry the ruling's
 * {@code correlationId} and the ruling event's id as {@code causationId}, which their events inherit.
 */
@Component
@ProcessingGroup(DisputeRulingEffects.PROCESSING_GROUP)
class DisputeRulingEffects {

    static final String PROCESSING_GROUP = "dispute-effects";

    private final CommandGateway commands;

    DisputeRulingEffects(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(DisputeRuled ruling, @MessageIdentifier String rulingEventId, MetaData rulingMetaData) {
        MetaData metaData = CommandMetadata.causedBy(rulingEventId, rulingMetaData);
        for (Object command : commandsFor(ruling)) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        }
    }

    /** The effect commands of a ruling, in order: rightful registration, protection, penalty. */
    static List<Object> commandsFor(DisputeRuled ruling) {
        RulingEffects now = ruling.effects();
        RulingEffects before = ruling.supersededEffects() == null ? RulingEffects.NONE : ruling.supersededEffects();
        String disputeId = ruling.disputeId();
        List<Object> result = new ArrayList<>();
        if (now.rightfulRegistrationId() != null) {
            result.add(new RecordRuling(ruling.opportunityId(), disputeId, now.rightfulRegistrationId()));
        } else if (before.rightfulRegistrationId() != null) {
            result.add(new RecordRuling(ruling.opportunityId(), disputeId, null));
        }
        if (now.revokeRespondentProtection()) {
            result.add(new RevokeProtection(ruling.respondentOpportunityId(), ruling.respondentRegistrationId(),
                    disputeId));
        } else if (before.revokeRespondentProtection()) {
            result.add(new RestoreProtection(ruling.respondentOpportunityId(), ruling.respondentRegistrationId(),
                    disputeId));
        }
        if (now.penaltyPoints() > 0) {
            result.add(new PenalizePartner(ruling.respondentPartnerId(), disputeId, now.penaltyPoints()));
        } else if (before.penaltyPoints() > 0) {
            result.add(new ReversePenalty(ruling.respondentPartnerId(), disputeId));
        }
        return result;
    }
}
