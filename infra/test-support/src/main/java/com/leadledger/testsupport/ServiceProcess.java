package com.leadledger.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot executable jar running as a child process on a given port ({@code SERVER_PORT}).
 * {@link #start()} returns once {@code GET /actuator/health} answers 200 with {@code "status":"UP"}.
 * The Axon update checker is always disabled. Output (stdout and stderr) is appended to the log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final List<String> appArgs;
    private final Path logFile;
    private final Duration startTimeout;
    private final boolean killOnJvmExit;
    private final boolean newSession;
    private volatile Process process;
    /** stop()/kill() may run while start() waits (e.g. from a shutdown hook): they do not take start()'s lock. */
    private final Object stopLock = new Object();

    private ServiceProcess(Builder b) {
        this.jar = Objects.requireNonNull(b.jar, "jar").toAbsolutePath().normalize();
        this.name = b.name != null ? b.name : jar.getFileName().toString().replaceFirst("(-exec)?\\.jar$", "");
        this.port = b.port == 0 ? Processes.freePort() : b.port;
        this.env = Map.copyOf(b.env);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.appArgs = List.copyOf(b.appArgs);
        this.logFile = (b.logFile != null ? b.logFile : jar.resolveSibling(name + ".log")).toAbsolutePath().normalize();
        this.startTimeout = b.startTimeout;
        this.killOnJvmExit = b.killOnJvmExit;
        this.newSession = b.newSession;
    }

    public static Builder builder(Path jar) {
        return new Builder(jar);
    }

    /**
     * Starts the service and waits until it is healthy. Fails at once (with the end of the log) if the process dies,
     * or when the start timeout (default 120 s) passes.
     */
    public synchronized ServiceProcess start() {
        if (isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " - build the services first (./mvnw -DskipTests package)");
        }
        Processes.requireFreePort(port, name);
        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(appArgs);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + name + " on port " + port
                            + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(newSession ? Processes.inNewSession(command) : command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.environment().putAll(env);
            pb.environment().put("SERVER_PORT", Integer.toString(port));
            pb.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            Process p = pb.start();
            process = p;
            if (killOnJvmExit) {
                Processes.killOnJvmExit(p);
            }
            awaitHealthy(p);
            log.info("{} is UP at {} in {} ms (pid {}, log {})", name, baseUrl(),
                    (System.nanoTime() - t0) / 1_000_000, p.pid(), logFile);
            return this;
        } catch (IOException e) {
            kill();
            throw new IllegalStateException("could not start " + name + ": " + e, e);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    private void awaitHealthy(Process p) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + p.exitValue() + " while starting; "
                        + logFile + " ends with (stack frames left out):\n" + Processes.tailWithoutStackFrames(logFile, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not healthy within " + startTimeout + "; " + logFile
                        + " ends with (stack frames left out):\n" + Processes.tailWithoutStackFrames(logFile, 40));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            Processes.sleep(500);
        }
    }

    /** Graceful shutdown (SIGTERM), forcibly after 30 s. */
    public void stop() {
        synchronized (stopLock) {
            Process p = process;
            if (p == null) {
                return;
            }
            if (p.isAlive()) {
                long t0 = System.nanoTime();
                p.destroy();
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        log.warn("{} did not stop within 30 s, killing it", name);
                        p.destroyForcibly();
                        p.waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
                log.info("{} stopped in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
            }
            Processes.forget(p);
            process = null;
        }
    }

    /** Kills the process at once (SIGKILL, no graceful shutdown), as a crash would. */
    public void kill() {
        synchronized (stopLock) {
            Process p = process;
            if (p == null) {
                return;
            }
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Processes.forget(p);
            process = null;
        }
    }

    /** {@link #stop()} then {@link #start()}. */
    public synchronized ServiceProcess restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public Optional<Long> pid() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.pid());
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name + " " + baseUrl() + "]";
    }

    public static final class Builder {
        private final Path jar;
        private String name;
        private int port;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> appArgs = new ArrayList<>();
        private Path logFile;
        private Duration startTimeout = Duration.ofSeconds(120);
        private boolean killOnJvmExit = true;
        private boolean newSession;

        private Builder(Path jar) {
            this.jar = jar;
        }

        /** Name used in messages (default: the jar's name without {@code -exec.jar}). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** HTTP port, passed as {@code SERVER_PORT} (0, the default: a free port chosen at build time). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder env(String key, String value) {
            this.env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env.putAll(env);
            return this;
        }

        public Builder jvmArgs(String... args) {
            this.jvmArgs.addAll(List.of(args));
            return this;
        }

        public Builder jvmArgs(List<String> args) {
            this.jvmArgs.addAll(args);
            return this;
        }

        /** Program arguments after {@code -jar <jar>}, e.g. {@code --spring.profiles.active=local}. */
        public Builder args(String... args) {
            this.appArgs.addAll(List.of(args));
            return this;
        }

        /** Output file (appended to; default: {@code <name>.log} next to the jar). */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Whether a shutdown hook kills the process if this JVM exits while it runs (default true). */
        public Builder killOnJvmExit(boolean killOnJvmExit) {
            this.killOnJvmExit = killOnJvmExit;
            return this;
        }

        /**
         * Whether the child runs in its own session ({@code setsid}, where available; default false), so that a
         * terminal's Ctrl-C reaches only this JVM, which then stops the child itself, in order.
         */
        public Builder newSession(boolean newSession) {
            this.newSession = newSession;
            return this;
        }

        public ServiceProcess build() {
            return new ServiceProcess(this);
        }
    }
}
