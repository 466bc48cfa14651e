package com.leadledger.command.registration;

import com.leadledger.command.common.NestedCommands;
import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.opportunity.OpportunityIds;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Handles {@link SubmitRegistration}: checks it with {@link SubmissionRules} against the policy in force, derives the
 * opportunity from the normalized customer key and files it there ({@link FileRegistration}, in the same transaction),
 * where the rules that compare registrations apply.
 */
@Component
class RegistrationSubmissions {

    private final Policies policies;
    private final PartnerDirectory partners;
    private final Clock clock;
    private final CommandBus commandBus;

    RegistrationSubmissions(Policies policies, PartnerDirectory partners, Clock clock, @Lazy CommandBus commandBus) {
        this.policies = policies;
        this.partners = partners;
        this.clock = clock;
        this.commandBus = commandBus;
    }

    @CommandHandler
    RegistrationAccepted handle(SubmitRegistration submission) {
        PublishedPolicy policy = policies.inForce();
        var valid = SubmissionRules.validate(submission, policy, clock);
        SubmissionRules.requireEligible(partners, submission.partnerId(), valid.productLine());
        String opportunityId = OpportunityIds.idFor(valid.customer().key(), valid.productLine());
        return NestedCommands.dispatch(commandBus, new FileRegistration(opportunityId, submission.registrationId(),
                submission.partnerId(), valid.customer(), valid.productLine(), valid.estimatedValue(),
                valid.expectedCloseDate(), valid.description(), policy.version()));
    }
}
