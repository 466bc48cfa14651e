package com.leadledger.command.common;

import com.leadledger.command.review.ApproveRegistration;
import com.leadledger.command.support.ChangeSupport;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CommandRoutingTest {

    private final CommandRouting routing = new CommandRouting(id -> Optional.ofNullable(Map.of("r-1", "opp-1").get(id)));

    @Test
    void canRouteACommandAddressedByRegistrationToItsOpportunity() {
        var target = routing.resolveTarget(GenericCommandMessage.asCommandMessage(
                new ApproveRegistration("r-1", BigDecimal.ONE, null, null, null)));

        assertThat(target.getIdentifier()).isEqualTo("opp-1");
    }

    @Test
    void canRouteOtherCommandsByTheirTargetAggregateIdentifier() {
        var target = routing.resolveTarget(GenericCommandMessage.asCommandMessage(
                new ChangeSupport("opp-9", ChangeSupport.Action.WITHDRAW, null, null, null, null, null)));

        assertThat(target.getIdentifier()).isEqualTo("opp-9");
    }

    @Test
    void cannotRouteAnUnknownRegistration() {
        var refusal = catchThrowableOfType(() -> routing.resolveTarget(GenericCommandMessage.asCommandMessage(
                new ApproveRegistration("r-404", BigDecimal.ONE, null, null, null))), RuleViolation.class);

        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND);
        assertThat(refusal.getMessage()).isEqualTo("registration not found");
    }
}
