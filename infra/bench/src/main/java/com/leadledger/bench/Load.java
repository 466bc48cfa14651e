package com.leadledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registrations over real HTTP: many partners (each with its own token; the services' rate limit is per partner),
 * one new customer (a fresh valid INN) per registration, so each one opens its own opportunity.
 */
final class Load {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] INN_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String commandUrl;
    final String queryUrl;
    final List<String> partnerIds = new ArrayList<>();
    final List<String> partnerTokens = new ArrayList<>();
    final List<String> staffTokens = new ArrayList<>();
    final String adminToken = DevTokens.mint("bench-admin", List.of("ADMIN"), null);
    private final AtomicLong innCounter = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 400_000_000L));
    private final AtomicLong partnerCursor = new AtomicLong();
    /** Distinguishes this run's partners from those of an earlier run on a resumed store. */
    final String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();
    private final String closeDate = LocalDate.now().plusDays(90).toString();
    final Map<Integer, AtomicLong> statusCounts = new ConcurrentHashMap<>();

    Load(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        for (int i = 0; i < 64; i++) {
            staffTokens.add(DevTokens.mint("bench-manager-" + i, List.of("CHANNEL_MANAGER"), null));
        }
    }

    /** Onboards the partners (ADMIN POST /api/v1/partners; GOLD, NETWORK_SECURITY) and mints their tokens. */
    void onboardPartners(int count) {
        for (int i = 0; i < count; i++) {
            Partner p = onboard("B-" + run + "-" + i);
            partnerIds.add(p.id());
            partnerTokens.add(p.token());
        }
    }

    /** A partner onboarded by the harness, with its token. */
    record Partner(String id, String token) {
    }

    /** Onboards one partner (GOLD, NETWORK_SECURITY) with an id unique in this run; not one of the round robin's. */
    Partner onboard(String id) {
        String body = "{\"partnerId\": \"" + id + "\", \"name\": \"Bench partner " + id
                + "\", \"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}";
        Answer a = post(commandUrl + "/api/v1/partners", adminToken, body);
        if (a.status != 201) {
            throw new IllegalStateException("onboarding " + id + " answered " + a.status + ": " + a.body);
        }
        return new Partner(id, DevTokens.mint("user-of-" + id, List.of("PARTNER"), id));
    }

    record Answer(int status, String body, long sentNanos, long doneNanos) {
        String field(String name) {
            try {
                JsonNode n = JSON.readTree(body).get(name);
                return n == null ? null : n.asText();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** One registration by the next partner (round robin) for a brand-new customer. */
    Registration register() {
        int p = (int) (partnerCursor.getAndIncrement() % partnerIds.size());
        Answer a = register(partnerTokens.get(p), nextInn());
        statusCounts.computeIfAbsent(a.status, k -> new AtomicLong()).incrementAndGet();
        return new Registration(a, p);
    }

    /** One registration by the partner of the token for the customer with this INN (same INN, same opportunity). */
    Answer register(String partnerToken, String inn) {
        String body = """
                {"customer": {"legalName": "ООО «Бенч %s»", "country": "RU", "taxId": "%s", "domain": "bench-%s.ru"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s",
                 "description": "Benchmark registration"}""".formatted(inn, inn, inn, closeDate);
        return post(commandUrl + "/api/v1/registrations", partnerToken, body);
    }

    Answer withdraw(String partnerToken, String registrationId) {
        return post(commandUrl + "/api/v1/registrations/" + registrationId + "/withdraw", partnerToken,
                "{\"reason\": \"benchmark cycle\"}");
    }

    Answer approve(String registrationId) {
        return post(commandUrl + "/api/v1/registrations/" + registrationId + "/approve", staffToken(),
                "{\"discountPercent\": 5}");
    }

    record Registration(Answer answer, int partner) {
        boolean accepted() {
            return answer.status == 201;
        }
    }

    String nextInn() {
        String nine = Long.toString(innCounter.getAndIncrement());
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * INN_WEIGHTS[i];
        }
        return nine + (sum % 11 % 10);
    }

    Answer post(String url, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request);
    }

    Answer get(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        return send(request);
    }

    private Answer send(HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), t0, System.nanoTime());
        } catch (IOException e) {
            return new Answer(-1, e.toString(), t0, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-2, "interrupted", t0, System.nanoTime());
        }
    }

    String staffToken() {
        return staffTokens.get(ThreadLocalRandom.current().nextInt(staffTokens.size()));
    }
}
