package com.leadledger.localruntime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server on this machine from zonky's embedded binaries ({@code initdb}, {@code pg_ctl} and
 * {@code postgres} run as their own processes), user and password {@code postgres}. Without a data directory it runs
 * on a fresh temporary cluster; with one it can keep its data across runs, and first stops a server that an earlier,
 * killed run left on that directory.
 *
 * <p>Durable unless told otherwise: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, so a
 * commit that returned survives an OS crash. zonky's own defaults are not durable (it starts the server with
 * {@code -F}, i.e. fsync off, and {@code synchronous_commit=off}); the settings here are passed after them and win.
 * Tests that want speed ask for {@link Builder#notDurable()}.
 *
 * <p>Connections are trusted unless told otherwise: {@link Builder#passwordAuthentication(String)} gives the superuser a
 * password and makes every connection authenticate with one (scram-sha-256), a new cluster from {@code initdb} on, an
 * existing trusting one from this start on.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    /** The authentication method of a pg_hba.conf line: its last field, unless options follow it. */
    private static final Pattern TRUST = Pattern.compile("(?<=\\s)trust(?=\\s|$)");

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final String password;
    private final boolean keepsData;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory, String password, boolean keepsData) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.keepsData = keepsData;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** A connection as the superuser {@value #USER}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    /** The superuser's password ({@value #PASSWORD}, and not asked for, unless password authentication is on). */
    public String password() {
        return password;
    }

    /** Creates the database unless it exists; true when it was created. */
    public boolean createDatabaseIfMissing(String database) throws SQLException {
        try (Connection admin = connect("postgres")) {
            return createDatabaseIfMissing(admin, database);
        }
    }

    /**
     * Creates the database on the server of {@code admin} unless it exists; true when it was created here. Safe when
     * another connection creates it at the same moment.
     */
    public static boolean createDatabaseIfMissing(Connection admin, String database) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (Statement st = admin.createStatement()) {
            st.execute("create database \"" + database + "\"");
            return true;
        } catch (SQLException e) {
            // 42P04 duplicate_database; 23505 when another connection created it at the same moment
            if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A cluster initialized to trust every connection (as zonky does, and this class did before) gets the superuser's
     * password and scram-sha-256 in place of {@code trust} in {@code pg_hba.conf}, effective at once (a reload).
     */
    private void stopTrusting() throws IOException, SQLException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        List<String> converted = lines.stream().map(line -> line.strip().startsWith("#") ? line
                : TRUST.matcher(line).replaceAll("scram-sha-256")).toList();
        if (converted.equals(lines)) {
            return;
        }
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
            Files.write(hba, converted);
            st.execute("SELECT pg_reload_conf()");
        }
        log.info("PostgreSQL in {} asks every connection for a password now (scram-sha-256 instead of trust)",
                dataDirectory);
    }

    /** The postmaster's pid (its backends are its children); empty without a data directory of our choosing. */
    public OptionalLong postmasterPid() {
        return dataDirectory == null ? OptionalLong.empty() : postmasterPid(dataDirectory);
    }

    /**
     * Kills the postmaster alone with SIGKILL, as a crash of the server process would (not of the machine: what
     * PostgreSQL had handed to the kernel survives, what it held only in its own memory is lost), and returns once it
     * and its backends are gone and this handle has let go of the data directory. The backends exit by themselves
     * when they notice that their postmaster died; one still there after 60 s is killed too, since a new server
     * cannot start while the old shared memory is in use. Then a server started with {@link Builder#keepData(boolean)
     * keepData} on the same data directory recovers from the WAL, as after a crash. Needs a server started with
     * {@code keepData} itself: zonky deletes a data directory it was told to wipe when its handle is released.
     */
    public void killPostmaster() throws IOException {
        if (!keepsData) {
            throw new IllegalStateException("start the server with keepData(true) to kill and recover it");
        }
        long pid = postmasterPid().orElseThrow(() -> new IllegalStateException("no running postmaster in " + dataDirectory));
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(
                () -> new IllegalStateException("postmaster " + pid + " of " + dataDirectory + " is not running"));
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        awaitExit(postmaster, Duration.ofSeconds(30));
        for (ProcessHandle backend : backends) {
            if (!awaitExit(backend, Duration.ofSeconds(60))) {
                log.warn("PostgreSQL process {} outlived its postmaster by 60 s; killing it", backend.pid());
                backend.destroyForcibly();
                awaitExit(backend, Duration.ofSeconds(30));
            }
        }
        log.info("Killed the postmaster of {} (pid {}) and saw its {} processes exit", dataDirectory, pid, backends.size());
        server.close(); // lets go of zonky's lock on the data directory; its "pg_ctl stop" finds no server left
    }

    private static boolean awaitExit(ProcessHandle process, Duration atMost) {
        try {
            process.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL process " + process.pid(), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0)
                    .trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A postmaster left running by a run that was killed would block the data directory and the port. */
    private static void stopStalePostmaster(Path dataDirectory) {
        OptionalLong pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> stale = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (stale.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL left over from an earlier run (pid {}, data {})", pid.getAsLong(), dataDirectory);
        try {
            // SIGINT: PostgreSQL's fast shutdown
            new ProcessBuilder("kill", "-INT", Long.toString(pid.getAsLong())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            stale.get().destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            stale.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            stale.get().destroyForcibly();
        }
    }

    public static final class Builder {
        private Path dataDirectory;
        private boolean keepData;
        private int port;
        private String portSetting = "PostgreSQL";
        private Path logFile;
        private boolean stopOnJvmExit = true;
        private Duration startupWait = Duration.ofSeconds(60);
        private String superuserPassword;
        private final Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));

        private Builder() {
        }

        /** Where the cluster lives (default: a temporary directory). */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
            return this;
        }

        /** Whether an existing cluster in the data directory is reused (default false: it is wiped first). */
        public Builder keepData(boolean keepData) {
            this.keepData = keepData;
            return this;
        }

        /** TCP port (0, the default: a free one). A given port must be free. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** As {@link #port(int)}; {@code what} names the port in the message when it is taken. */
        public Builder port(int port, String what) {
            this.portSetting = what;
            return port(port);
        }

        /** The server's output, appended (default: this JVM's logging). */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Whether a shutdown hook stops the server when this JVM exits (default true). */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        public Builder startupWait(Duration startupWait) {
            this.startupWait = startupWait;
            return this;
        }

        /** A {@code postgresql.conf} setting, e.g. {@code max_connections}. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /**
         * Every connection authenticates with a password (scram-sha-256; no {@code trust}), the superuser's being this
         * one. A new cluster is initialized so; an existing one that still trusts connections is converted at start
         * (needs {@link #dataDirectory(Path)}).
         */
        public Builder passwordAuthentication(String superuserPassword) {
            if (superuserPassword == null || superuserPassword.isEmpty()) {
                throw new IllegalArgumentException("the superuser's password must not be empty");
            }
            this.superuserPassword = superuserPassword;
            return this;
        }

        /** Fast, not crash-safe: fsync, synchronous commit and full-page writes off. For tests and scratch runs only. */
        public Builder notDurable() {
            return setting("fsync", "off").setting("synchronous_commit", "off").setting("full_page_writes", "off");
        }

        public LocalPostgres start() throws IOException {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setPGStartupWait(startupWait);
            if (dataDirectory != null) {
                stopStalePostmaster(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(!keepData);
            }
            if (port != 0) {
                Processes.requireFreePort(port, portSetting);
                builder.setPort(port);
            }
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                ProcessBuilder.Redirect redirect = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                builder.setOutputRedirector(redirect).setErrorRedirector(redirect);
            }
            settings.forEach(builder::setServerConfig);
            if (superuserPassword == null) {
                return new LocalPostgres(builder.start(), dataDirectory, PASSWORD, keepData);
            }
            return startWithPasswords(builder);
        }

        private LocalPostgres startWithPasswords(EmbeddedPostgres.Builder builder) throws IOException {
            boolean initdb = dataDirectory == null || !keepData || !Files.exists(dataDirectory.resolve("postgresql.conf"));
            Path passwordFile = null;
            try {
                if (initdb) {
                    // initdb --auth=scram-sha-256 --pwfile=…: zonky passes its "locale" settings to initdb as --name=value
                    // after its own -A trust, and the last --auth wins
                    passwordFile = Files.createTempFile("pg-superuser", ".pw",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(passwordFile, superuserPassword + "\n");
                    builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
                }
                builder.setConnectConfig("password", superuserPassword); // zonky's own readiness check logs in
                LocalPostgres started = new LocalPostgres(builder.start(), dataDirectory, superuserPassword, keepData);
                if (dataDirectory != null) {
                    try {
                        started.stopTrusting();
                    } catch (IOException | SQLException | RuntimeException e) {
                        started.close();
                        throw new IOException("could not turn password authentication on for " + dataDirectory, e);
                    }
                }
                return started;
            } finally {
                if (passwordFile != null) {
                    Files.deleteIfExists(passwordFile);
                }
            }
        }
    }
}
