package com.leadledger.localruntime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A Spring Boot executable jar running as a child process on a given port ({@code SERVER_PORT}).
 * {@link #start()} returns once {@code GET /actuator/health} answers 200 with {@code "status":"UP"}.
 * The Axon update checker is always disabled.
 */
public final class ServiceProcess extends ChildProcess<ServiceProcess> {

    /** Turns {@link Builder#fastStart} on by default (the build sets it for its tests). */
    public static final String FAST_START_PROPERTY = "leadledger.services.fast-start";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Threads that start services side by side ({@link #startTogether}); daemons, so they never hold the JVM. */
    private static final Executor STARTER = task -> {
        Thread thread = new Thread(task, "service-start");
        thread.setDaemon(true);
        thread.start();
    };

    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final List<String> appArgs;
    private final boolean fastStart;
    private ServiceImage.Launch launch;

    private ServiceProcess(Builder b, Path jar, String name) {
        super(name, b.logFile != null ? b.logFile : jar.resolveSibling(name + ".log"), b);
        this.jar = jar;
        this.port = b.port == 0 ? Processes.freePort() : b.port;
        this.env = Map.copyOf(b.env);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.appArgs = List.copyOf(b.appArgs);
        this.fastStart = b.fastStart;
    }

    public static Builder builder(Path jar) {
        return new Builder(jar);
    }

    @Override
    protected List<String> prepare() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " - build the services first (./mvnw -DskipTests package)");
        }
        Processes.requireFreePort(port, name());
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(jvmArgs);
        if (fastStart) {
            launch = ServiceImage.of(jar).launch();
            command.addAll(launch.arguments());
        } else {
            command.add("-jar");
            command.add(jar.toString());
        }
        command.addAll(appArgs);
        appendToLog("==== " + Instant.now() + " starting " + name() + " on port " + port);
        return command;
    }

    @Override
    protected void configure(ProcessBuilder builder) {
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    }

    @Override
    protected void exited(int exitValue) {
        if (launch != null) {
            launch.exited(exitValue);
            launch = null;
        }
    }

    @Override
    protected ReadinessProbe readinessProbe() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        return new ReadinessProbe() {
            @Override
            public boolean isReady() {
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200
                            && response.body().replace(" ", "").contains("\"status\":\"UP\"");
                } catch (IOException notYet) {
                    return false; // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + name(), e);
                }
            }

            /** A refused connection or a health request costs next to nothing: ready is noticed within 100 ms. */
            @Override
            public Duration interval() {
                return Duration.ofMillis(100);
            }
        };
    }

    /**
     * Starts the services side by side (each JVM's start-up overlaps the others') and returns once all are ready;
     * if one fails to start, all are killed once the others' starts have ended, and that failure is thrown. For services that need each other
     * only once they serve (a query service calls its command service's URL later, not while starting).
     */
    public static void startTogether(ServiceProcess... services) {
        List<CompletableFuture<ServiceProcess>> starts = new ArrayList<>();
        for (ServiceProcess service : services) {
            starts.add(CompletableFuture.supplyAsync(service::start, STARTER));
        }
        try {
            // allOf ends once every start has ended, ready or failed: none comes up after the kill below
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            for (ServiceProcess service : services) {
                service.kill();
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    protected String address() {
        return baseUrl();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name() + " " + baseUrl() + "]";
    }

    public static final class Builder extends ChildProcess.Options<Builder> {
        private final Path jar;
        private String name;
        private int port;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> appArgs = new ArrayList<>();
        private Path logFile;
        private boolean fastStart = Boolean.getBoolean(FAST_START_PROPERTY);

        private Builder(Path jar) {
            super(Duration.ofSeconds(120));
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

        /**
         * Whether it starts from the jar's {@code ServiceImage} (unpacked, with a class-data-sharing archive once one
         * instance has stopped gracefully) instead of {@code java -jar <jar>}. Default: the system property
         * {@value ServiceProcess#FAST_START_PROPERTY}, which the build sets for its integration tests, where
         * services start dozens of times; unset when the launcher or the benchmark runs from its jar, so that they
         * start services as a deployment does.
         */
        public Builder fastStart(boolean fastStart) {
            this.fastStart = fastStart;
            return this;
        }

        public ServiceProcess build() {
            Path absolute = Objects.requireNonNull(jar, "jar").toAbsolutePath().normalize();
            String defaultName = absolute.getFileName().toString().replaceFirst("(-exec)?\\.jar$", "");
            return new ServiceProcess(this, absolute, name != null ? name : defaultName);
        }
    }
}
