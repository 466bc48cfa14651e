package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A partner's webhook receiver on this machine (JDK HttpServer): records every request and answers 204, or the
 * statuses queued with {@link #answerNext}; after {@link #hold} it keeps every request unanswered until
 * {@link #release} (a slow or hung endpoint).
 */
final class WebhookEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: the raw body and the two LeadLedger headers. */
    record Received(String eventId, String signature, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String type() {
            return json().get("type").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile CountDownLatch held = new CountDownLatch(0);

    WebhookEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("LeadLedger-Event-Id"),
                    exchange.getRequestHeaders().getFirst("LeadLedger-Signature"), body));
            try {
                held.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 204 : answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void answerNext(int status) {
        synchronized (answers) {
            answers.add(status);
        }
    }

    /** From now on requests get no answer until {@link #release}. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> ofType(String type) {
        return received.stream().filter(r -> r.type().equals(type)).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
