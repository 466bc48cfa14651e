package com.leadledger.command.common;

import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which aggregate a command addresses: the opportunity of a {@link RegistrationAddressed} command (looked up once per
 * unit of work; an unknown registration is {@code NOT_FOUND}), otherwise the {@code @TargetAggregateIdentifier}.
 * The aggregates and the cross-instance aggregate lock use the same routing.
 */
public final class CommandRouting implements CommandTargetResolver {

    private final AnnotatedTargets annotated = new AnnotatedTargets();
    private final Function<String, Optional<String>> opportunityOfRegistration;

    public CommandRouting(Function<String, Optional<String>> opportunityOfRegistration) {
        this.opportunityOfRegistration = opportunityOfRegistration;
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof RegistrationAddressed addressed) {
            return new VersionedAggregateIdentifier(opportunityAddressedBy(addressed), null);
        }
        return annotated.resolveTarget(command);
    }

    /**
     * The id of the aggregate the command addresses, as {@link #resolveTarget} finds it; empty for a command that names
     * none (one that creates its aggregate, or is not handled by one).
     */
    public Optional<String> aggregateOf(CommandMessage<?> command) {
        if (command.getPayload() instanceof RegistrationAddressed addressed) {
            return Optional.of(opportunityAddressedBy(addressed));
        }
        return annotated.targetOf(command).map(VersionedAggregateIdentifier::getIdentifier);
    }

    private String opportunityAddressedBy(RegistrationAddressed addressed) {
        String registrationId = addressed.registrationId();
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getOrComputeResource("opportunity-of:" + registrationId,
                key -> opportunityOf(registrationId))
                : opportunityOf(registrationId);
    }

    private String opportunityOf(String registrationId) {
        return opportunityOfRegistration.apply(registrationId)
                .orElseThrow(() -> RuleViolation.notFound("registration"));
    }
}
