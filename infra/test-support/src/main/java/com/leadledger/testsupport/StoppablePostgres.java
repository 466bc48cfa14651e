package com.leadledger.testsupport;

import com.leadledger.localruntime.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server of one test's own (real, embedded, not durable) that the test stops and starts again on the same
 * port and data: it takes the database away from a service without disturbing the tests sharing the build's server.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private LocalPostgres server;

    private StoppablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server on a free port and a fresh data directory named after {@code name}, started. */
    public static StoppablePostgres start(String name) {
        try {
            StoppablePostgres postgres = new StoppablePostgres(Files.createTempDirectory(name), freePort());
            postgres.restart();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's {@code spring.datasource.*} settings for its {@code postgres} database, as the superuser. */
    public Map<String, String> datasourceProperties() {
        return Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username", LocalPostgres.USER,
                "spring.datasource.password", LocalPostgres.PASSWORD);
    }

    /** Stops the server; its data stays for {@link #restart()}. */
    public void stop() throws IOException {
        server.close();
        server = null;
    }

    /** Starts the server again on its port and data. */
    public void restart() throws IOException {
        server = LocalPostgres.builder().dataDirectory(dataDirectory).keepData(true).port(port).notDurable().start();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
