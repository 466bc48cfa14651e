package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against the running service. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Http(String base) {
        this.base = base;
    }

    record Response(int status, String contentType, String text, JsonNode body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String location() {
            return header("Location");
        }
    }

    Response get(String path, String tokenOrNull) {
        return get(path, tokenOrNull, "application/json");
    }

    Response get(String path, String tokenOrNull, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .GET();
        if (tokenOrNull != null) {
            request.header("Authorization", "Bearer " + tokenOrNull);
        }
        return send(request, "GET " + path);
    }

    /** A POST with a JSON body (may be empty) and extra headers given as name, value, name, value, .... */
    Response post(String path, String tokenOrNull, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (tokenOrNull != null) {
            request.header("Authorization", "Bearer " + tokenOrNull);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request, "POST " + path);
    }

    private Response send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = null;
            if (text != null && !text.isBlank()) {
                try {
                    body = JSON.readTree(text);
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    text, body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
