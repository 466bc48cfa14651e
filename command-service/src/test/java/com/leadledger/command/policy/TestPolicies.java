package com.leadledger.command.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.leadledger.events.policy.PolicyDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Policies for fixtures: the shipped default policy as version 1, plus any versions a test publishes. */
public final class TestPolicies implements Policies {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final TreeMap<Long, PublishedPolicy> versions = new TreeMap<>();

    public TestPolicies() {
        publish(defaultDocument());
    }

    public static PolicyDocument defaultDocument() {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/policy/default-policy.json")) {
            return MAPPER.readValue(in, PolicyDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PublishedPolicy publish(PolicyDocument document) {
        long version = versions.size() + 1L;
        PublishedPolicy published = new PublishedPolicy(version, Instant.EPOCH, "test", document);
        versions.put(version, published);
        return published;
    }

    @Override
    public PublishedPolicy inForce() {
        return versions.lastEntry().getValue();
    }

    @Override
    public PublishedPolicy version(long version) {
        return Map.copyOf(versions).get(version);
    }
}
