package com.leadledger.command.webhook;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The address check runs again when connecting, on the addresses then resolved; redirects are not followed. */
class WebhookSenderTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER) + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/hooks");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    private static WebhookSender sender(boolean allowLoopback) {
        return new WebhookSender(new WebhookAddressPolicy(allowLoopback), new WebhookProperties(null, allowLoopback,
                Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @Test
    void postsTheSignedBodyWhereLoopbackIsAllowed() throws IOException {
        try (WebhookSender sender = sender(true)) {
            WebhookSender.Outcome outcome = sender.send(url("127.0.0.1", "/hooks"), "e-1", "t=1,v1=ab", "{}");

            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.httpStatus()).isEqualTo(204);
            assertThat(received).containsExactly("t=1,v1=ab {}");
        }
    }

    @Test
    void refusesToConnectToALoopbackAddressOutsideTheLocalProfileWhateverTheUrlWasWhenRegistered()
            throws IOException {
        try (WebhookSender sender = sender(false)) {
            for (String host : List.of("127.0.0.1", "localhost")) {
                WebhookSender.Outcome outcome = sender.send(url(host, "/hooks"), "e-1", "t=1,v1=ab", "{}");

                assertThat(outcome.delivered()).as(host).isFalse();
                assertThat(outcome.httpStatus()).isZero();
                assertThat(outcome.error()).contains("webhooks may not call");
            }
            assertThat(received).as("nothing reached the endpoint").isEmpty();
        }
    }

    @Test
    void doesNotFollowRedirects() throws IOException {
        try (WebhookSender sender = sender(true)) {
            WebhookSender.Outcome outcome = sender.send(url("127.0.0.1", "/moved"), "e-1", "t=1,v1=ab", "{}");

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.httpStatus()).isEqualTo(302);
            assertThat(received).isEmpty();
        }
    }
}
