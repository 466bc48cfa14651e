package com.leadledger.command.partner;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.events.partner.PartnerTier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Local profile only: onboards the demo partners the README walk-through uses (once; later starts change nothing). */
@Component
@Order(10)
@ConditionalOnProperty("leadledger.demo.seed-partners")
class DemoPartnerSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPartnerSeeder.class);
    private static final List<String> ALL_LINES =
            List.of("CLOUD_SERVICES", "COLLABORATION", "DATA_CENTER", "NETWORK_SECURITY");

    static final List<OnboardPartner> DEMO_PARTNERS = List.of(
            new OnboardPartner("P-1001", "Alpha Integrator", PartnerTier.GOLD, ALL_LINES, null),
            new OnboardPartner("P-1002", "Beta Reseller", PartnerTier.SILVER, ALL_LINES, null),
            new OnboardPartner("P-1003", "Gamma Systems", PartnerTier.REGISTERED,
                    List.of("COLLABORATION", "NETWORK_SECURITY"), null));

    private final CommandGateway commands;

    DemoPartnerSeeder(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (OnboardPartner partner : DEMO_PARTNERS) {
            try {
                commands.sendAndWait(partner);
                log.info("onboarded demo partner {}", partner.partnerId());
            } catch (RuleViolation alreadyThere) {
                log.debug("demo partner {} exists", partner.partnerId());
            }
        }
    }
}
