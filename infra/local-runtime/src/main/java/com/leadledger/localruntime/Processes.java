package com.leadledger.localruntime;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the child-process runners. */
public final class Processes {

    private static final Set<Process> killOnExit = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookRegistered;

    private Processes() {
    }

    /** The {@code java} executable of the running JVM. */
    public static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The running JVM's class path with every entry made absolute (jars keep their manifest Class-Path). */
    public static String currentClassPath() {
        String cp = System.getProperty("java.class.path", "");
        List<String> entries = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Paths.get(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The command prefixed with {@code setsid} (where that tool exists) so the child runs in its own session and
     * process group: a Ctrl-C in the terminal then reaches only this JVM, which can stop its children in order.
     * The child keeps its pid ({@code setsid} only forks when called by a group leader, which a child never is).
     */
    public static List<String> inNewSession(List<String> command) {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Paths.get(candidate))) {
                List<String> result = new ArrayList<>();
                result.add(candidate);
                result.addAll(command);
                return result;
            }
        }
        return command;
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Whether something accepts TCP connections on localhost:port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message when localhost:port is already taken. */
    public static void requireFreePort(int port, String what) {
        if (isListening(port)) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use - is another instance "
                    + "still running? Stop it or choose another port.");
        }
    }

    /** The last {@code lines} lines of a text file (empty if it does not exist). */
    public static String tail(Path file, int lines) {
        File f = file.toFile();
        if (!f.isFile()) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(f, "r")) {
            long length = raf.length();
            long pos = Math.max(0, length - 256 * 1024);
            byte[] buf = new byte[(int) (length - pos)];
            raf.seek(pos);
            raf.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(0, all.length - lines);
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < all.length; i++) {
                sb.append(all[i]).append(System.lineSeparator());
            }
            return sb.toString();
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /**
     * The last {@code lines} lines of a log, leaving out stack frames ({@code at ...}, {@code ... n more}) so that
     * exception messages and their causes fit.
     */
    public static String tailWithoutStackFrames(Path file, int lines) {
        String[] all = tail(file, 2000).split("\r?\n");
        List<String> kept = new ArrayList<>();
        for (String line : all) {
            String t = line.trim();
            if (t.startsWith("at ") || (t.startsWith("...") && (t.endsWith("more") || t.endsWith("omitted")))) {
                continue;
            }
            kept.add(line);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, kept.size() - lines); i < kept.size(); i++) {
            sb.append(kept.get(i)).append(System.lineSeparator());
        }
        return sb.toString();
    }

    static void killOnJvmExit(Process process) {
        killOnExit.add(process);
        if (!hookRegistered) {
            synchronized (Processes.class) {
                if (!hookRegistered) {
                    hookRegistered = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(Processes::killLeftovers, "leadledger-child-reaper"));
                }
            }
        }
    }

    static void forget(Process process) {
        killOnExit.remove(process);
    }

    private static void killLeftovers() {
        for (Process p : killOnExit) {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        for (Process p : killOnExit) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits for a one-off tool to exit and returns its exit value; empty when it did not exit in time or the wait was
     * interrupted, and then it is killed (and, unless interrupted, waited for).
     */
    static OptionalInt awaitExit(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.of(process.exitValue());
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return OptionalInt.empty();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
