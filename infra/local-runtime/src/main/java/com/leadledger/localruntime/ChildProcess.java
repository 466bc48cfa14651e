package com.leadledger.localruntime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process this JVM starts and owns: {@link #start()} returns once it is ready, {@link #stop()} shuts it down
 * gracefully (SIGTERM, forcibly after 30 s), {@link #kill()} at once (SIGKILL, as a crash would). Its output (stdout and
 * stderr) is appended to its log file. Optionally it runs in its own session, and is killed if this JVM exits first.
 *
 * @param <P> the concrete process type, returned by {@link #start()} and {@link #restart()}
 */
public abstract class ChildProcess<P extends ChildProcess<P>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

    /** One attempt at telling whether the process is ready; repeated until it says so. */
    protected interface ReadinessProbe extends AutoCloseable {

        boolean isReady();

        /** Pause between attempts. */
        default Duration interval() {
            return Duration.ofMillis(500);
        }

        @Override
        default void close() {
        }
    }

    private final String name;
    private final Path logFile;
    private final Duration startTimeout;
    private final boolean killOnJvmExit;
    private final boolean newSession;
    private volatile Process process;
    /** stop()/kill() may run while start() waits (e.g. from a shutdown hook): they do not take start()'s lock. */
    private final Object stopLock = new Object();

    /** What every kind of child process is started with; each kind's builder adds its own settings. */
    @SuppressWarnings("unchecked")
    public abstract static class Options<B extends Options<B>> {
        private Duration startTimeout;
        private boolean killOnJvmExit = true;
        private boolean newSession;

        protected Options(Duration defaultStartTimeout) {
            this.startTimeout = defaultStartTimeout;
        }

        /** How long {@code start()} waits until the process is ready. */
        public B startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return (B) this;
        }

        /** Whether a shutdown hook kills the process if this JVM exits while it runs (default true). */
        public B killOnJvmExit(boolean killOnJvmExit) {
            this.killOnJvmExit = killOnJvmExit;
            return (B) this;
        }

        /**
         * Whether the child runs in its own session ({@code setsid}, where available; default false), so that a
         * terminal's Ctrl-C reaches only this JVM, which then stops the child itself, in order.
         */
        public B newSession(boolean newSession) {
            this.newSession = newSession;
            return (B) this;
        }
    }

    protected ChildProcess(String name, Path logFile, Options<?> options) {
        this.name = name;
        this.logFile = logFile.toAbsolutePath().normalize();
        this.startTimeout = options.startTimeout;
        this.killOnJvmExit = options.killOnJvmExit;
        this.newSession = options.newSession;
    }

    /** Checks and files needed before the launch; returns the command line. */
    protected abstract List<String> prepare() throws IOException;

    /** Working directory, environment: whatever the launch needs beyond the command and the log. */
    protected void configure(ProcessBuilder builder) {
    }

    /** Called once the process runs, before waiting for it to be ready. */
    protected void launched(Process process) throws IOException {
    }

    /**
     * Called once the process is gone (stopped, killed, or failed to start), with its exit value (-1 if it could not
     * be made to exit).
     */
    protected void exited(int exitValue) {
    }

    protected abstract ReadinessProbe readinessProbe();

    /** Where it serves, for messages. */
    protected abstract String address();

    @SuppressWarnings("unchecked")
    private P self() {
        return (P) this;
    }

    /**
     * Starts the process and waits until it is ready. Fails at once (with the end of its log) if the process dies,
     * or when the start timeout passes.
     */
    public synchronized P start() {
        if (isRunning()) {
            return self();
        }
        long t0 = System.nanoTime();
        try {
            List<String> command = prepare();
            ProcessBuilder builder = new ProcessBuilder(newSession ? Processes.inNewSession(command) : command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            configure(builder);
            Process p = builder.start();
            process = p;
            if (killOnJvmExit) {
                Processes.killOnJvmExit(p);
            }
            launched(p);
            awaitReady(p);
            log.info("{} is ready at {} in {} ms (pid {}, log {})", name, address(),
                    (System.nanoTime() - t0) / 1_000_000, p.pid(), logFile);
            return self();
        } catch (IOException e) {
            kill();
            throw new IllegalStateException("could not start " + name + ": " + e, e);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    private void awaitReady(Process p) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try (ReadinessProbe probe = readinessProbe()) {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + p.exitValue() + " while starting; "
                            + logFile + " ends with (stack frames left out):\n"
                            + Processes.tailWithoutStackFrames(logFile, 40));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " was not ready within " + startTimeout + "; " + logFile
                            + " ends with (stack frames left out):\n" + Processes.tailWithoutStackFrames(logFile, 40));
                }
                if (probe.isReady()) {
                    return;
                }
                Processes.sleep(probe.interval().toMillis());
            }
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
            gone(p);
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
            gone(p);
        }
    }

    private void gone(Process p) {
        Processes.forget(p);
        process = null;
        exited(p.isAlive() ? -1 : p.exitValue());
    }

    /** {@link #stop()} then {@link #start()}. */
    public synchronized P restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public Optional<Long> pid() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.pid());
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** Appends a line to the log file (created with its directory if needed). */
    protected void appendToLog(String line) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
