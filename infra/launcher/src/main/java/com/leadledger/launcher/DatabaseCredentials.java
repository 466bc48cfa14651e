package com.leadledger.launcher;

import com.leadledger.integrity.OwnerOnlyFiles;
import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.localruntime.LocalPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may log in to the launcher's PostgreSQL: its superuser and the services' two roles (docs/operations.md,
 * "Database roles"), with passwords generated on the first start and kept in {@code credentials.env} for the operator
 * ({@code source .leadledger/credentials.env}), owner-only, one {@code export NAME=value} line each.
 *
 * @param superuserPassword the password of the cluster's superuser {@value LocalPostgres#USER}
 * @param roles             the migration owner and the application role
 */
record DatabaseCredentials(String superuserPassword, DatabaseRoles roles) {

    static final String FILE = "credentials.env";
    static final String SUPERUSER = "LEADLEDGER_PG_SUPERUSER";
    static final String SUPERUSER_PASSWORD = "LEADLEDGER_PG_SUPERUSER_PASSWORD";

    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z][A-Z0-9_]*)=(\\S*)$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The credentials of {@code file}, the ones it lacks (all of them on a first start) generated: 24 random bytes each,
     * in URL-safe Base64 (nothing a shell or a connection string would have to quote).
     */
    static DatabaseCredentials readOrGenerate(Path file) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = EXPORT.matcher(line.strip());
                if (m.matches() && !m.group(2).isEmpty()) {
                    kept.put(m.group(1), m.group(2));
                }
            }
        }
        for (String password : new String[]{SUPERUSER_PASSWORD, DatabaseRoles.MIGRATION_PASSWORD,
                DatabaseRoles.APP_PASSWORD}) {
            kept.computeIfAbsent(password, missing -> generatePassword());
        }
        return new DatabaseCredentials(kept.get(SUPERUSER_PASSWORD), DatabaseRoles.of(
                kept.get(DatabaseRoles.MIGRATION_PASSWORD), kept.get(DatabaseRoles.APP_PASSWORD)));
    }

    static String generatePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the file owner-only (atomically, in an owner-only directory): {@code source} it for the variables. */
    void write(Path file) throws IOException {
        OwnerOnlyFiles.write(file, envFile());
    }

    String envFile() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Lead Ledger: who may log in to the launcher's PostgreSQL (password authentication only).\n");
        sb.append("# usage: source .leadledger/credentials.env   (keep it secret; docs/operations.md, \"Database roles\")\n");
        sb.append("# the cluster's superuser\n");
        export(sb, SUPERUSER, LocalPostgres.USER);
        export(sb, SUPERUSER_PASSWORD, superuserPassword);
        sb.append("# runs the services' migrations and owns their tables\n");
        export(sb, DatabaseRoles.MIGRATION_USER, roles.migrationUser());
        export(sb, DatabaseRoles.MIGRATION_PASSWORD, roles.migrationPassword());
        sb.append("# the services' own connections: owns nothing, may append events but never change them\n");
        export(sb, DatabaseRoles.APP_USER, roles.appUser());
        export(sb, DatabaseRoles.APP_PASSWORD, roles.appPassword());
        return sb.toString();
    }

    private static void export(StringBuilder sb, String name, String value) {
        sb.append("export ").append(name).append('=').append(value).append('\n');
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[" + roles + "]";
    }
}
