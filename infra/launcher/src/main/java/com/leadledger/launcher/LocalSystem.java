package com.leadledger.launcher;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.localruntime.LocalPostgres;
import com.leadledger.localruntime.Processes;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceJvm;
import com.leadledger.localruntime.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code start}: PostgreSQL, Kafka and both services (the query service serves the console) on this machine, in the
 * foreground, stopped in reverse order on
 * Ctrl-C / SIGTERM. State lives in the home directory: {@code pg/} (PostgreSQL cluster), {@code kafka/} (broker data),
 * {@code logs/}, {@code keys/}, {@code credentials.env} (who may log in to that PostgreSQL) and {@code tokens.env}.
 */
final class LocalSystem {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

    private final LauncherConfig config;
    private final boolean infraOnly;
    private final PrintStream out;
    private final Path logs;

    private final CountDownLatch startupDone = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean shuttingDown;

    private FileChannel lockChannel;
    private FileLock lock;
    private volatile LocalPostgres postgres;
    private volatile KafkaBrokerProcess broker;
    private volatile ServiceProcess commandService;
    private volatile ServiceProcess queryService;

    LocalSystem(LauncherConfig config, boolean infraOnly, PrintStream out) {
        this.config = config;
        this.infraOnly = infraOnly;
        this.out = out;
        this.logs = config.home().resolve("logs");
    }

    /** Starts everything, then blocks until the JVM is asked to stop. Returns the process exit code. */
    int runInForeground() {
        Thread hook = new Thread(this::shutdownFromHook, "leadledger-launcher-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Ready ready;
        try {
            ready = startAll();
        } catch (Aborted e) {
            startupDone.countDown();
            return 130;
        } catch (Exception e) {
            startupDone.countDown();
            if (shuttingDown) {
                return 130;
            }
            log.error("Start-up failed: {}", e.getMessage() != null ? e.getMessage() : e.toString());
            if (e.getCause() != null && e.getMessage() != null && !e.getMessage().contains(e.getCause().toString())) {
                log.error("  caused by: {}", e.getCause().toString());
            }
            log.debug("details", e);
            stopAll();
            stopped.countDown();
            return 1;
        }
        startupDone.countDown();
        out.println(banner(ready));
        out.flush();
        watch();
        return 0;
    }

    private record Ready(String commandDbUrl, String queryDbUrl, String dbUser, String kafka, DevTokenSet tokens,
                         Path tokensFile) {
    }

    Ready startAll() throws Exception {
        long t0 = System.nanoTime();
        Path home = config.home();
        Path commandJar = null;
        Path queryJar = null;
        if (!infraOnly) {
            commandJar = requireJar(ProjectPaths.commandServiceJar());
            queryJar = requireJar(ProjectPaths.queryServiceJar());
        }
        for (String dir : List.of("kafka", "logs", "keys")) {
            Files.createDirectories(home.resolve(dir));
        }
        lockHome(home);
        log.info("Lead Ledger home: {}", home);


        String commandDb;
        String queryDb;
        Map<String, String> dbCredentials;
        if (config.externalDatabases()) {
            commandDb = config.commandDbUrl();
            queryDb = config.queryDbUrl();
            dbCredentials = config.externalDbCredentials();
            log.info("PostgreSQL: external (LEADLEDGER_COMMAND_DB_URL / LEADLEDGER_QUERY_DB_URL)");
        } else {
            abortIfStopping();
            dbCredentials = startPostgres(home.resolve("pg")).roles().environment();
            commandDb = "jdbc:postgresql://localhost:" + config.pgPort() + "/" + LauncherConfig.COMMAND_DB;
            queryDb = "jdbc:postgresql://localhost:" + config.pgPort() + "/" + LauncherConfig.QUERY_DB;
        }

        String kafka;
        if (config.externalKafka()) {
            kafka = config.kafkaBootstrap();
            log.info("Kafka: external (LEADLEDGER_KAFKA_BOOTSTRAP={})", kafka);
        } else {
            abortIfStopping();
            KafkaBrokerProcess b = KafkaBrokerProcess.builder(home.resolve("kafka"))
                    .port(config.kafkaPort()).controllerPort(config.kafkaControllerPort())
                    .logDirectory(logs).killOnJvmExit(false).newSession(true).build();
            broker = b;
            b.start();
            kafka = b.bootstrapServers();
        }

        if (!infraOnly) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SPRING_PROFILES_ACTIVE", "local");
            env.put("LEADLEDGER_COMMAND_DB_URL", commandDb);
            env.put("LEADLEDGER_QUERY_DB_URL", queryDb);
            env.putAll(dbCredentials);
            env.put("LEADLEDGER_KAFKA_BOOTSTRAP", kafka);
            env.put("LEADLEDGER_DEV_JWT_SECRET", config.jwtSecret());
            env.put("LEADLEDGER_HOME", home.toString());
            // the query side reconciles its copy with the command side's event store
            env.putIfAbsent("LEADLEDGER_COMMAND_URL", "http://localhost:" + config.commandPort());

            abortIfStopping();
            commandService = service("command-service", commandJar, config.commandPort(), env);
            startService(commandService);
            abortIfStopping();
            queryService = service("query-service", queryJar, config.queryPort(), env);
            startService(queryService);
        }

        DevTokenSet tokens = DevTokenSet.mint(config.jwtSecret(), Duration.ofHours(12));
        Path tokensFile = home.resolve("tokens.env");
        tokens.writeEnvFile(tokensFile, infraOnly ? null : "http://localhost:" + config.commandPort(),
                infraOnly ? null : "http://localhost:" + config.queryPort());
        log.info("Everything is up in {} s", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        return new Ready(commandDb, queryDb, dbCredentials.get(DatabaseRoles.APP_USER), kafka, tokens, tokensFile);
    }

    private ServiceProcess service(String name, Path jar, int port, Map<String, String> env) {
        return ServiceProcess.builder(jar).name(name).port(port).env(env).env(ServiceJvm.ENVIRONMENT)
                .jvmArgs(ServiceJvm.OPTIONS)
                .logFile(logs.resolve(name + ".log")).startTimeout(Duration.ofSeconds(180))
                .killOnJvmExit(false).newSession(true).build();
    }

    private void startService(ServiceProcess service) {
        Path pidFile = config.home().resolve(service.name() + ".pid");
        stopStale(pidFile, service.name() + "-exec.jar", service.name());
        log.info("Starting {} on port {} (log {})", service.name(), service.port(), service.logFile());
        service.start();
        service.pid().ifPresent(pid -> writeQuietly(pidFile, Long.toString(pid)));
    }

    private Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + "\n    Build the services first with the README's "
                    + "first command, from the repository root:  ./mvnw -Plocal -DskipTests package");
        }
        return jar;
    }

    private DatabaseCredentials startPostgres(Path dataDir) throws IOException, SQLException {
        long t0 = System.nanoTime();
        boolean existing = Files.exists(dataDir.resolve("postgresql.conf"));
        LauncherDatabases.Started started = LauncherDatabases.start(config, dataDir, logs);
        postgres = started.server();
        log.info("PostgreSQL started on port {} in {} ms ({} cluster in {}{}); credentials in {}", config.pgPort(),
                (System.nanoTime() - t0) / 1_000_000, existing ? "existing" : "new", dataDir,
                started.created().isEmpty() ? "" : "; created " + String.join(", ", started.created()),
                LauncherDatabases.credentialsFile(config));
        return started.credentials();
    }

    /**
     * The launcher's PostgreSQL: its cluster is kept across runs and is durable (LocalPostgres's default: fsync,
     * synchronous_commit and full_page_writes on), so an acknowledged registration survives an OS crash; every
     * connection needs a password, the superuser's being {@code superuserPassword}.
     */
    static LocalPostgres.Builder postgres(LauncherConfig config, Path dataDir, Path logs, String superuserPassword) {
        return LocalPostgres.builder()
                .dataDirectory(dataDir)
                .keepData(true)
                .port(config.pgPort(), "PostgreSQL, LEADLEDGER_PG_PORT")
                .stopOnJvmExit(false)
                .setting("max_connections", "200")
                .logFile(logs.resolve("postgres.log"))
                .passwordAuthentication(superuserPassword);
    }

    /** A service left running by a launcher that was killed (SIGKILL) would hold its port. */
    private static void stopStale(Path pidFile, String commandMarker, String name) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(commandMarker)).orElse(false))
                    .ifPresent(h -> {
                        log.warn("Stopping {} left over from an earlier run (pid {})", name, pid);
                        h.destroy();
                        try {
                            h.onExit().get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            h.destroyForcibly();
                        }
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            log.debug("could not check {}", pidFile, e);
        }
    }

    private void lockHome(Path home) throws IOException {
        lockChannel = FileChannel.open(home.resolve("launcher.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another launcher is already running with home " + home
                    + " (stop it first, or set LEADLEDGER_HOME to another directory)");
        }
    }

    private void abortIfStopping() {
        if (shuttingDown) {
            throw new Aborted();
        }
    }

    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("stopping", null, false, false);
        }
    }

    /** Foreground: report services that die unexpectedly until asked to stop. */
    private void watch() {
        boolean commandReported = false;
        boolean queryReported = false;
        boolean brokerReported = false;
        try {
            while (!stopped.await(3, TimeUnit.SECONDS)) {
                if (shuttingDown) {
                    continue;
                }
                commandReported = reportIfDead(commandService, commandReported);
                queryReported = reportIfDead(queryService, queryReported);
                KafkaBrokerProcess b = broker;
                if (b != null && !b.isRunning() && !brokerReported && !shuttingDown) {
                    brokerReported = true;
                    log.error("The Kafka broker has stopped unexpectedly; see {}\n{}", b.logFile(),
                            Processes.tail(b.logFile(), 20));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean reportIfDead(ServiceProcess service, boolean alreadyReported) {
        if (service == null || alreadyReported || service.isRunning() || shuttingDown) {
            return alreadyReported;
        }
        log.error("{} has stopped unexpectedly; see {}\n{}", service.name(), service.logFile(),
                Processes.tail(service.logFile(), 30));
        return true;
    }

    private void shutdownFromHook() {
        shuttingDown = true;
        if (stopped.getCount() == 0) {
            return;
        }
        log.info("Stopping ...");
        // a service that is still starting stops at once; the main thread then gives up the start-up
        ServiceProcess q = queryService;
        ServiceProcess c = commandService;
        if (startupDone.getCount() > 0) {
            if (q != null) {
                q.stop();
            }
            if (c != null) {
                c.stop();
            }
            KafkaBrokerProcess b = broker;
            if (b != null) {
                b.stop();
            }
        }
        try {
            if (!startupDone.await(120, TimeUnit.SECONDS)) {
                log.warn("start-up did not finish; stopping what runs");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll();
        stopped.countDown();
    }

    /** Stops everything that was started, in reverse order. Idempotent. */
    synchronized void stopAll() {
        long t0 = System.nanoTime();
        boolean anything = queryService != null || commandService != null || broker != null || postgres != null;
        ServiceProcess q = queryService;
        queryService = null;
        if (q != null) {
            q.stop();
            deleteQuietly(config.home().resolve(q.name() + ".pid"));
        }
        ServiceProcess c = commandService;
        commandService = null;
        if (c != null) {
            c.stop();
            deleteQuietly(config.home().resolve(c.name() + ".pid"));
        }
        KafkaBrokerProcess b = broker;
        broker = null;
        if (b != null) {
            b.stop();
        }
        LocalPostgres pg = postgres;
        postgres = null;
        if (pg != null) {
            try {
                pg.close();
                log.info("PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("could not stop PostgreSQL cleanly: {}", e.toString());
            }
        }
        try {
            if (lock != null) {
                lock.release();
                lock = null;
            }
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
        } catch (IOException ignored) {
            // the lock goes away with the process anyway
        }
        if (anything) {
            log.info("Stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private String banner(Ready r) {
        String line = "=".repeat(100);
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(line).append('\n');
        sb.append(infraOnly ? " Lead Ledger infrastructure is running (--infra-only)\n" : " Lead Ledger is running\n");
        sb.append(line).append('\n');
        if (!infraOnly) {
            String cmd = "http://localhost:" + config.commandPort();
            String qry = "http://localhost:" + config.queryPort();
            sb.append(" Command service  API     ").append(cmd).append("/api/v1\n");
            sb.append("                  health  ").append(cmd).append("/actuator/health\n");
            sb.append("                  swagger ").append(cmd).append("/swagger-ui.html\n");
            sb.append(" Query service    API     ").append(qry).append("/api/v1\n");
            sb.append("                  health  ").append(qry).append("/actuator/health\n");
            sb.append("                  swagger ").append(qry).append("/swagger-ui.html\n");
            sb.append(" Console          ").append(qry).append("/console/  (sign in as any demo identity)\n");
        }
        sb.append(" PostgreSQL       ").append(r.commandDbUrl()).append('\n');
        sb.append("                  ").append(r.queryDbUrl()).append("  (user ").append(r.dbUser()).append(")\n");
        if (!config.externalDatabases()) {
            sb.append("                  passwords: source ")
                    .append(displayPath(LauncherDatabases.credentialsFile(config))).append('\n');
        }
        sb.append(" Kafka            ").append(r.kafka()).append('\n');
        sb.append(" Logs             ").append(logs).append('\n');
        sb.append(line).append('\n');
        sb.append(" Dev tokens (HS256, valid 12 h) - load them all with:  source ")
                .append(displayPath(r.tokensFile())).append('\n');
        for (DevTokenSet.Entry e : r.tokens().entries()) {
            sb.append('\n').append(" ").append(e.variable()).append("  (").append(e.who()).append(", ")
                    .append(String.join(",", e.roles())).append(")\n");
            sb.append(e.token()).append('\n');
        }
        sb.append(line).append('\n');
        sb.append(" Press Ctrl-C to stop everything (data is kept in ").append(displayPath(config.home()))
                .append(").\n");
        sb.append(line);
        return sb.toString();
    }

    private static String displayPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    private static void writeQuietly(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            log.debug("could not write {}", file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // harmless
        }
    }
}
