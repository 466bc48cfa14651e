package com.leadledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP calls to a service with an optional bearer token; answers keep status, content type and JSON body. */
public final class HttpApi {

    public record Answer(int status, String contentType, JsonNode body, String raw, Map<String, java.util.List<String>> headers) {

        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null ? null : node.asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public HttpApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Answer post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    public Answer post(String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        headers.forEach(request::header);
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    public Answer put(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    public Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    /** A GET asking for {@code accept} (for example {@code text/csv}). */
    public Answer get(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? MAPPER.nullNode() : parse(raw);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    raw, response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(raw);
        }
    }
}
