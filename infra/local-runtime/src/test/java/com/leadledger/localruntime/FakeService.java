package com.leadledger.localruntime;

import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A stand-in for a Spring Boot service: packed into a jar by {@link ServiceProcessTest}. JDK classes only. */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        if ("crash".equals(System.getenv("FAKE_MODE"))) {
            System.out.println("boom: fake startup failure");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        System.out.println("axon checker disabled=" + System.getProperty("axoniq.update-checker.disabled")
                + " env=" + System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") + " greeting=" + System.getenv("GREETING"));
        Thread.sleep(300);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"groups\":[\"liveness\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("graceful shutdown");
            System.out.flush();
            server.stop(0);
        }));
        System.out.println("started on " + port);
    }
}
