package com.leadledger.launcher;

import com.leadledger.integrity.OwnerOnlyFiles;
import com.leadledger.localruntime.DemoIdentity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ready-made dev tokens the launcher prints and writes to {@code tokens.env}. */
final class DevTokenSet {

    record Entry(String variable, String who, String subject, List<String> roles, String partnerId, String token) {
    }

    private final List<Entry> entries;
    private final Instant issuedAt;
    private final Duration ttl;

    private DevTokenSet(List<Entry> entries, Instant issuedAt, Duration ttl) {
        this.entries = entries;
        this.issuedAt = issuedAt;
        this.ttl = ttl;
    }

    static DevTokenSet mint(String secret, Duration ttl) {
        List<Entry> list = new ArrayList<>();
        for (DemoIdentity identity : DemoIdentity.values()) {
            list.add(new Entry(identity.tokenVariable(), identity.who(), identity.subject(), identity.roles(),
                    identity.partnerId(), identity.mint(secret, ttl)));
        }
        return new DevTokenSet(List.copyOf(list), Instant.now(), ttl);
    }

    List<Entry> entries() {
        return entries;
    }

    /** Shell exports: {@code source tokens.env}. */
    String envFile(String commandUrl, String queryUrl) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Lead Ledger dev tokens, issued ").append(issuedAt).append(", valid until ")
                .append(issuedAt.plus(ttl)).append('\n');
        sb.append("# usage: source .leadledger/tokens.env\n");
        if (commandUrl != null) {
            sb.append("export COMMAND_URL=").append(commandUrl).append('\n');
        }
        if (queryUrl != null) {
            sb.append("export QUERY_URL=").append(queryUrl).append('\n');
        }
        for (Entry e : entries) {
            sb.append("# ").append(e.who()).append(": sub=").append(e.subject()).append(", roles=")
                    .append(e.roles());
            if (e.partnerId() != null) {
                sb.append(", partner_id=").append(e.partnerId());
            }
            sb.append('\n').append("export ").append(e.variable()).append("='").append(e.token()).append("'\n");
        }
        return sb.toString();
    }

    /** Bearer tokens are secrets: the file is readable by its owner only, in an owner-only directory. */
    void writeEnvFile(Path file, String commandUrl, String queryUrl) throws IOException {
        OwnerOnlyFiles.write(file, envFile(commandUrl, queryUrl));
    }
}
