package com.leadledger.command.common;

import com.leadledger.command.review.ApproveRegistration;
import com.leadledger.command.support.ChangeSupport;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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

    @Test
    void canRouteByAnAnnotatedFieldAndReadItsVersion() {
        for (int i = 0; i < 2; i++) {
            var target = routing.resolveTarget(GenericCommandMessage.asCommandMessage(new ByField("agg-" + i, 7)));

            assertThat(target.getIdentifier()).isEqualTo("agg-" + i);
            assertThat(target.getVersion()).isEqualTo(7L);
        }
    }

    @Test
    void canRouteByAnAnnotatedMethodBeforeAField() {
        var target = routing.resolveTarget(GenericCommandMessage.asCommandMessage(new ByMethod("field", "method")));

        assertThat(target.getIdentifier()).isEqualTo("method");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void cannotRouteACommandThatNamesNoAggregate() {
        assertThatIllegalArgumentException().isThrownBy(() -> routing.resolveTarget(
                GenericCommandMessage.asCommandMessage(new ByField(null, 1)))).withMessageContaining("ByField");
        assertThatIllegalArgumentException().isThrownBy(() -> routing.resolveTarget(
                GenericCommandMessage.asCommandMessage("no annotation"))).withMessageContaining("String");
    }

    @Test
    void canTellTheAggregateACommandAddressesWithoutRoutingIt() {
        assertThat(routing.aggregateOf(GenericCommandMessage.asCommandMessage(
                new ApproveRegistration("r-1", BigDecimal.ONE, null, null, null)))).contains("opp-1");
        assertThat(routing.aggregateOf(GenericCommandMessage.asCommandMessage(
                new ChangeSupport("opp-9", ChangeSupport.Action.WITHDRAW, null, null, null, null, null))))
                .contains("opp-9");
        assertThat(routing.aggregateOf(GenericCommandMessage.asCommandMessage(new ByMethod("field", "method"))))
                .contains("method");
    }

    @Test
    void canTellThatACommandNamesNoAggregate() {
        assertThat(routing.aggregateOf(GenericCommandMessage.asCommandMessage(new ByField(null, 1)))).isEmpty();
        assertThat(routing.aggregateOf(GenericCommandMessage.asCommandMessage("no annotation"))).isEmpty();
    }

    @Test
    void cannotTellTheAggregateOfAnUnknownRegistration() {
        var refusal = catchThrowableOfType(() -> routing.aggregateOf(GenericCommandMessage.asCommandMessage(
                new ApproveRegistration("r-404", BigDecimal.ONE, null, null, null))), RuleViolation.class);

        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND);
    }

    static final class ByField {
        @TargetAggregateIdentifier
        private final String aggregateId;
        @TargetAggregateVersion
        private final int version;

        ByField(String aggregateId, int version) {
            this.aggregateId = aggregateId;
            this.version = version;
        }
    }

    static final class ByMethod {
        @TargetAggregateIdentifier
        private final String fromField;
        private final String fromMethod;

        ByMethod(String fromField, String fromMethod) {
            this.fromField = fromField;
            this.fromMethod = fromMethod;
        }

        @TargetAggregateIdentifier
        String target() {
            return fromMethod;
        }
    }
}
