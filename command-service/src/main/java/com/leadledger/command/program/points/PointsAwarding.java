package com.leadledger.command.program.points;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.program.ProgramFacts;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.program.ProgramStreams;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationWon;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Turns the events that earn or cost points into commands on the partner's points ledger, each naming the event as
 * its cause ({@code causationId}) and the policy version in force at it: the approval's own version, otherwise the
 * version published last before the win or penalty.
 *
 * <p>Runs in its own tracking processor ({@value #PROCESSING_GROUP}) whose errors propagate, so a cause is retried,
 * never skipped. The ledger awards each cause once, so a redelivered or replayed event adds nothing.
 */
@Component
@ProcessingGroup(PointsAwarding.PROCESSING_GROUP)
class PointsAwarding {

    static final String PROCESSING_GROUP = "points-awarding";

    private final CommandGateway commands;
    private final ProgramFacts facts;
    private final PolicyVersionAt policyAt;

    PointsAwarding(CommandGateway commands, ProgramFacts facts, PolicyVersionAt policyAt) {
        this.commands = commands;
        this.facts = facts;
        this.policyAt = policyAt;
    }

    @EventHandler
    void on(RegistrationApproved event, @MessageIdentifier String eventId, MetaData metaData) {
        ProgramFacts.Deal deal = facts.submittedBy(event.partnerId(), Instant.EPOCH, event.approvedAt().plusNanos(1))
                .stream().filter(d -> d.registrationId().equals(event.registrationId())).findFirst().orElse(null);
        send(new AwardApprovalPoints(ProgramStreams.pointsLedger(event.partnerId()), event.partnerId(), eventId,
                event.registrationId(), deal == null ? null : deal.submittedAt(),
                deal == null ? null : deal.expectedCloseDate(), event.approvedAt(), event.policyVersion()),
                eventId, metaData);
    }

    @EventHandler
    void on(RegistrationWon event, @MessageIdentifier String eventId, MetaData metaData) {
        policyAt.at(event.reportedAt()).ifPresent(version -> send(new AwardWinPoints(
                ProgramStreams.pointsLedger(event.partnerId()), event.partnerId(), eventId, event.registrationId(),
                event.finalValue(), event.reportedAt(), version), eventId, metaData));
    }

    @EventHandler
    void on(PartnerPenalized event, @MessageIdentifier String eventId, MetaData metaData) {
        policyAt.at(event.penalizedAt()).ifPresent(version -> send(new DeductPenaltyPoints(
                ProgramStreams.pointsLedger(event.partnerId()), event.partnerId(), eventId, event.disputeId(),
                event.points(), event.penalizedAt(), version), eventId, metaData));
    }

    @EventHandler
    void on(PartnerPenaltyReversed event, @MessageIdentifier String eventId, MetaData metaData) {
        policyAt.at(event.reversedAt()).ifPresent(version -> send(new RestorePenaltyPoints(
                ProgramStreams.pointsLedger(event.partnerId()), event.partnerId(), eventId, event.disputeId(),
                event.reversedAt(), version), eventId, metaData));
    }

    private void send(Object command, String causeEventId, MetaData causeMetaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.causedBy(causeEventId, causeMetaData)));
    }
}
