package com.leadledger.launcher;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.verifier.AuditCommands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs Lead Ledger on this machine: {@code start} (default), {@code token}, {@code help}; and offers the verifier's
 * {@code verify-chain}, {@code verify-receipt}, {@code verify-proof} and {@code verify-pack} ({@link AuditCommands})
 * under the same names. See {@link LauncherArgs#USAGE}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && AuditCommands.handles(args[0])) {
            return AuditCommands.run(args, env, out, err);
        }
        LauncherArgs parsed;
        try {
            parsed = LauncherArgs.parse(args);
        } catch (LauncherArgs.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(LauncherArgs.USAGE);
            return 2;
        }
        switch (parsed.command()) {
            case HELP -> {
                out.print(LauncherArgs.USAGE);
                return 0;
            }
            case TOKEN -> {
                String secret = LauncherConfig.get(env, "LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET);
                try {
                    out.println(DevTokens.mint(secret, parsed.subject(), parsed.roles(), parsed.partnerId(),
                            Duration.ofHours(parsed.ttlHours())));
                    return 0;
                } catch (IllegalArgumentException e) {
                    err.println("error: " + e.getMessage() + " (LEADLEDGER_DEV_JWT_SECRET)");
                    return 1;
                }
            }
            default -> {
                LauncherConfig config;
                try {
                    config = LauncherConfig.from(env, Path.of(""));
                } catch (IllegalArgumentException e) {
                    err.println("error: " + e.getMessage());
                    return 2;
                }
                return new LocalSystem(config, parsed.infraOnly(), out).runInForeground();
            }
        }
    }
}
