package com.leadledger.query.audit;

import com.leadledger.integrity.checkpoint.Checkpoint;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the command side's checkpoints and extent ({@code GET /api/v1/audit/checkpoints}, {@code /heads}) and its
 * published keys ({@code /api/v1/audit/keys}) as an auditor, with the bearer token of {@link ServiceToken}.
 */
@Component
class CommandAuditClient {

    /** A checkpoint as published, with when it was sealed. */
    record PublishedCheckpoint(Checkpoint checkpoint, Instant createdAt) {
    }

    record Heads(long events, long maxGlobalIndex, long streams) {
    }

    /** The events stored after a global index, and the store's highest global index. */
    record StoreTail(long afterGlobalIndex, long events, long maxGlobalIndex) {
    }

    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int PAGE = 200;

    private final HttpClient http;
    private final JsonMapper json;
    private final String baseUrl;
    private final ServiceToken serviceToken;
    private final Duration timeout;

    CommandAuditClient(JsonMapper json, CommandServiceProperties commandService, ServiceToken serviceToken) {
        String baseUrl = commandService.url();
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.serviceToken = serviceToken;
        this.timeout = commandService.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    Heads heads() {
        JsonNode body = get("/api/v1/audit/heads");
        return new Heads(body.path("events").asLong(), body.path("maxGlobalIndex").asLong(),
                body.path("streams").asLong());
    }

    StoreTail tail(long afterGlobalIndex) {
        JsonNode body = get("/api/v1/audit/heads/after?globalIndex=" + afterGlobalIndex);
        return new StoreTail(afterGlobalIndex, body.path("events").asLong(), body.path("maxGlobalIndex").asLong());
    }

    /** Every checkpoint, oldest first. */
    List<PublishedCheckpoint> checkpoints() {
        return checkpointsAfter(0);
    }

    /**
     * The checkpoints numbered after {@code number}, oldest first. Checkpoints are numbered from 1 without gaps and
     * listed in number order, so checkpoint {@code number + 1} is on page {@code number / PAGE}.
     */
    List<PublishedCheckpoint> checkpointsAfter(long number) {
        List<PublishedCheckpoint> all = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (long page = number / PAGE; ; page++) {
            JsonNode body = get("/api/v1/audit/checkpoints?size=" + PAGE + "&page=" + page);
            for (JsonNode c : body.path("items")) {
                if (c.path("number").asLong() <= number) {
                    continue;
                }
                List<Long> gaps = new ArrayList<>();
                c.path("gaps").forEach(g -> gaps.add(g.asLong()));
                all.add(new PublishedCheckpoint(new Checkpoint(c.path("number").asLong(), c.path("firstIndex").asLong(),
                        c.path("lastIndex").asLong(), c.path("eventCount").asLong(), gaps,
                        hex.parseHex(c.path("merkleRoot").asString()), hex.parseHex(c.path("previousHash").asString()),
                        hex.parseHex(c.path("checkpointHash").asString())), Instant.parse(c.path("createdAt").asString())));
            }
            if (body.path("items").size() < PAGE || number + all.size() >= body.path("total").asLong()) {
                return all;
            }
        }
    }

    /** The published signing keys, current and retired, as the JWK set the command side serves. */
    String keySet() {
        return text("/api/v1/audit/keys");
    }

    /**
     * The inclusion proof of the event in the tree the checkpoint's signed tree head names
     * ({@code GET /api/v1/audit/checkpoints/{n}/proof}), as published.
     */
    JsonNode inclusionProof(long checkpoint, String eventId) {
        return get("/api/v1/audit/checkpoints/" + checkpoint + "/proof?eventId="
                + java.net.URLEncoder.encode(eventId, StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) {
        try {
            return json.readTree(text(path));
        } catch (JacksonException e) {
            throw new Unavailable(baseUrl + path + ": " + e, e);
        }
    }

    private String text(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout).header("Authorization", "Bearer " + serviceToken.bearer()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new Unavailable(baseUrl + path + " answered " + response.statusCode(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw new Unavailable(baseUrl + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
