package com.leadledger.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI documents the Java client is generated from are exactly what the services serve, so the
 * generated client cannot drift from the running API. After an API change, copy the served documents over the
 * committed ones (docs/api.md, "OpenAPI documents").
 */
class OpenApiDocumentsIT {

    @Test
    void theCommittedCommandDocumentIsTheServedOne() throws Exception {
        assertSameDocument(ServedDocuments.fetch(LeadLedgerSystem.get().commandApi, "command-service"),
                "command-service");
    }

    @Test
    void theCommittedQueryDocumentIsTheServedOne() throws Exception {
        assertSameDocument(ServedDocuments.fetch(LeadLedgerSystem.get().queryApi, "query-service"),
                "query-service");
    }

    private static void assertSameDocument(Path served, String name) throws Exception {
        Path committed = ServedDocuments.COMMITTED.resolve(name + ".json");
        assertThat(ServedDocuments.differences(ServedDocuments.read(committed), ServedDocuments.read(served), 20))
                .as("where the served %s document differs from the committed %s; after an intended API change: "
                        + "cp %s %s", name, committed, served, committed)
                .isEmpty();
        assertThat(Files.readString(committed)).as("%s is in the committed format (sorted, indented)", committed)
                .isEqualTo(Files.readString(served));
    }
}
