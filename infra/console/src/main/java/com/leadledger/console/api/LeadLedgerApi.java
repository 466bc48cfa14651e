package com.leadledger.console.api;

import com.leadledger.console.ConsoleProperties;
import com.leadledger.console.signin.ApiTokens;
import com.leadledger.console.signin.SignInExpired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The services' public HTTP APIs, called server-side with the signed-in user's bearer token: reads from the query
 * service, writes through the command service. A refusal becomes an {@link ApiProblem}; a refused token (401) ends
 * the sign-in.
 */
@Component
public class LeadLedgerApi {

    private final Supplier<RestClient> query;
    private final RestClient command;
    private final ApiTokens tokens;
    private final JsonMapper json;

    LeadLedgerApi(RestClient.Builder builder, ConsoleProperties properties, ApiTokens tokens, JsonMapper json,
                  Environment environment) {
        var requests = ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                .withConnectTimeout(properties.apiTimeout()).withReadTimeout(properties.apiTimeout()));
        // the service's own port is known once it listens, after this is built
        this.query = SingletonSupplier.of(() -> builder.clone()
                .baseUrl(queryUrl(properties, environment)).requestFactory(requests).build());
        this.command = builder.clone().baseUrl(properties.commandUrl().toString()).requestFactory(requests).build();
        this.tokens = tokens;
        this.json = json;
    }

    /**
     * The configured query service, or else the one serving the console: its own port on its own address (loopback
     * when it listens on every address).
     */
    static String queryUrl(ConsoleProperties properties, Environment environment) {
        if (properties.queryUrl() != null && !properties.queryUrl().toString().isBlank()) {
            return properties.queryUrl().toString();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        return scheme + "://" + host + ":" + port;
    }

    public <T> T read(String path, ParameterizedTypeReference<T> type, Object... variables) {
        return query.get().get().uri(path, variables).headers(this::authorize).accept(MediaType.APPLICATION_JSON)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type);
    }

    public <T> T read(String path, Class<T> type, Object... variables) {
        return read(path, ParameterizedTypeReference.forType(type), variables);
    }

    /**
     * A read from the query service in another representation than JSON (a CSV download the console hands on): the
     * answer's bytes as they are.
     */
    public byte[] readBytes(String path, MediaType accept, Object... variables) {
        return query.get().get().uri(path, variables).headers(this::authorize).accept(accept)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(byte[].class);
    }

    /** A read from the command service (what only it publishes: checkpoints, signing keys, policies). */
    public <T> T readCommand(String path, Class<T> type, Object... variables) {
        return readCommand(path, ParameterizedTypeReference.forType(type), variables);
    }

    public <T> T readCommand(String path, ParameterizedTypeReference<T> type, Object... variables) {
        return command.get().uri(path, variables).headers(this::authorize).accept(MediaType.APPLICATION_JSON)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type);
    }

    /** A write with an {@code Idempotency-Key}, so that a form sent twice takes effect once. */
    public <T> T write(String path, Object body, String idempotencyKey, Class<T> type, Object... variables) {
        return command.post().uri(path, variables).headers(this::authorize)
                .header("Idempotency-Key", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type);
    }

    /** An operator's action on the query service's admin API (dead letters, projection rebuilds). */
    public <T> T adminWrite(String path, Object body, Class<T> type, Object... variables) {
        var request = query.get().post().uri(path, variables).headers(this::authorize)
                .accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type);
    }

    private void authorize(HttpHeaders headers) {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        headers.setBearerAuth(tokens.of(SecurityContextHolder.getContext().getAuthentication(), request, response));
    }

    private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (status == 401) {
            throw new SignInExpired();
        }
        byte[] body = response.getBody().readAllBytes();
        Problem problem;
        try {
            problem = json.readValue(body, Problem.class);
        } catch (RuntimeException notAProblem) {
            problem = new Problem(status, "HTTP_" + status, response.getStatusText(), null, null);
        }
        if (problem.status() == 0) {
            problem = new Problem(status, problem.code(), problem.title(), problem.detail(), problem.errors());
        }
        throw new ApiProblem(problem);
    }
}
