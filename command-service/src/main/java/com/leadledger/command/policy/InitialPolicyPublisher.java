package com.leadledger.command.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.policy.PolicyDocument;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * At first start, records the configured default policy as version 1 ({@link PolicyProperties#initial()}, a JSON
 * policy document). Safe to run on every start and on several instances: the Policy aggregate ignores it once a
 * version exists.
 */
@Component
@Order(0)
class InitialPolicyPublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialPolicyPublisher.class);

    private final CommandGateway commands;
    private final ObjectMapper mapper;
    private final Resource initialPolicy;

    InitialPolicyPublisher(CommandGateway commands, ObjectMapper mapper,
                           PolicyProperties properties) {
        this.commands = commands;
        this.mapper = mapper;
        this.initialPolicy = properties.initial();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PolicyDocument document;
        try (InputStream in = initialPolicy.getInputStream()) {
            document = mapper.readValue(in, PolicyDocument.class);
        }
        Long version = commands.sendAndWait(new PublishInitialPolicy(Policy.POLICY_ID, document, "system"));
        log.info("policy version {} is in force", version);
    }
}
