package com.leadledger.command.config;

import com.leadledger.command.common.CommandRouting;
import com.leadledger.command.registration.RegistrationLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CommandRoutingConfig {

    /** Used by the Opportunity aggregate ({@code @Aggregate(commandTargetResolver)}) and by the aggregate lock. */
    @Bean
    CommandRouting commandRouting(RegistrationLookup registrations) {
        return new CommandRouting(registrations::opportunityOf);
    }
}
