package com.leadledger.command.dispute;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.partner.PenalizePartner;
import com.leadledger.command.partner.ReversePenalty;
import com.leadledger.command.registration.RecordRuling;
import com.leadledger.command.registration.RestoreProtection;
import com.leadledger.command.registration.RevokeProtection;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.RulingEffects;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.leadledger.events.dispute.DisputeOutcome.DISMISSED;
import static com.leadledger.events.dispute.DisputeOutcome.UPHELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputeRulingEffectsTest {

    static final Instant NOW = Instant.parse("2026-11-19T09:00:00Z");

    static DisputeRuled ruling(DisputeOutcome outcome, RulingEffects effects, boolean appeal,
                               RulingEffects superseded) {
        return new DisputeRuled("d-1", "opp-a", appeal ? 2 : 1, outcome, "because", effects.rightfulRegistrationId(),
                effects.revokeRespondentProtection(), effects.penaltyPoints(), "P-B", "r-b", "opp-b", appeal,
                superseded, appeal ? null : NOW.plusSeconds(864_000), "manager-1", "CHANNEL_MANAGER", NOW, 1, null);
    }

    @Test
    void canCarryOutEveryEffectOfAnUpheldRulingOnItsOwnAggregate() {
        var ruling = ruling(UPHELD, new RulingEffects("r-a", true, 10), false, null);
        assertThat(DisputeRulingEffects.commandsFor(ruling)).containsExactly(
                new RecordRuling("opp-a", "d-1", "r-a"),
                new RevokeProtection("opp-b", "r-b", "d-1"),
                new PenalizePartner("P-B", "d-1", 10));
    }

    @Test
    void cannotCauseAnythingWithADismissal() {
        assertThat(DisputeRulingEffects.commandsFor(ruling(DISMISSED, RulingEffects.NONE, false, null))).isEmpty();
    }

    @Test
    void canReverseEveryEffectWhenAnAppealDismisses() {
        var appeal = ruling(DISMISSED, RulingEffects.NONE, true, new RulingEffects("r-a", true, 10));
        assertThat(DisputeRulingEffects.commandsFor(appeal)).containsExactly(
                new RecordRuling("opp-a", "d-1", null),
                new RestoreProtection("opp-b", "r-b", "d-1"),
                new ReversePenalty("P-B", "d-1"));
    }

    @Test
    void canConfirmTheEffectsOnAppealWithTheSameIdempotentCommands() {
        var effects = new RulingEffects("r-a", true, 10);
        assertThat(DisputeRulingEffects.commandsFor(ruling(UPHELD, effects, true, effects)))
                .containsExactlyElementsOf(DisputeRulingEffects.commandsFor(ruling(UPHELD, effects, false, null)));
    }

    @Test
    void canReplaceSomeEffectsAndReverseOthersOnAppeal() {
        var appeal = ruling(UPHELD, new RulingEffects(null, true, 4), true, new RulingEffects("r-a", false, 10));
        assertThat(DisputeRulingEffects.commandsFor(appeal)).containsExactly(
                new RecordRuling("opp-a", "d-1", null),
                new RevokeProtection("opp-b", "r-b", "d-1"),
                new PenalizePartner("P-B", "d-1", 4));
    }

    @Test
    void canAddEffectsOnAppealOfADismissal() {
        var appeal = ruling(UPHELD, new RulingEffects("r-a", false, 0), true, RulingEffects.NONE);
        assertThat(DisputeRulingEffects.commandsFor(appeal)).containsExactly(new RecordRuling("opp-a", "d-1", "r-a"));
    }

    @Test
    void canSendTheEffectsLinkedToTheRulingByCorrelationAndCausation() {
        RecordingGateway gateway = new RecordingGateway();
        var ruling = ruling(UPHELD, new RulingEffects(null, true, 10), false, null);
        MetaData rulingMetaData = MetaData.from(Map.of("actorId", "manager-1", "actorRole", "CHANNEL_MANAGER",
                "correlationId", "req-7", "causationId", "req-7", "requestId", "req-7"));

        new DisputeRulingEffects(gateway).on(ruling, "ruling-event-1", rulingMetaData);

        assertThat(gateway.sent.stream().map(m -> (Object) m.getPayload()).toList()).containsExactly(
                new RevokeProtection("opp-b", "r-b", "d-1"), new PenalizePartner("P-B", "d-1", 10));
        assertThat(gateway.sent).allSatisfy(command -> {
            assertThat(command.getMetaData()).containsEntry("correlationId", "req-7")
                    .containsEntry("causationId", "ruling-event-1")
                    .containsEntry("actorId", "manager-1")
                    .containsEntry("actorRole", "CHANNEL_MANAGER")
                    .containsEntry("requestId", "req-7");
        });
    }

    @Test
    void canCorrelateByTheRulingItselfWhenItCarriesNoCorrelationId() {
        assertThat(CommandMetadata.causedBy("ruling-event-1", MetaData.emptyInstance()))
                .containsEntry("correlationId", "ruling-event-1")
                .containsEntry("causationId", "ruling-event-1");
    }

    @Test
    void cannotSkipAnEffectThatFailed() {
        RecordingGateway gateway = new RecordingGateway();
        gateway.failOn = PenalizePartner.class;
        var ruling = ruling(UPHELD, new RulingEffects(null, true, 10), false, null);
        var effects = new DisputeRulingEffects(gateway);

        assertThatThrownBy(() -> effects.on(ruling, "ruling-event-1", MetaData.emptyInstance()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(gateway.sent).hasSize(1);
    }

    /** Records what would be sent; fails on one command type when asked to. */
    static final class RecordingGateway implements CommandGateway {

        final List<CommandMessage<?>> sent = new ArrayList<>();
        Class<?> failOn;

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> R sendAndWait(Object command) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
            if (failOn != null && failOn.isInstance(message.getPayload())) {
                throw new IllegalStateException("store unavailable");
            }
            sent.add(message);
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
