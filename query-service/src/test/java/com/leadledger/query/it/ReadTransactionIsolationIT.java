package com.leadledger.query.it;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads declared {@code REPEATABLE_READ} (the read endpoints) run at that level for the whole transaction, set inside
 * it: the session's own level stays READ COMMITTED, as ingest and every undeclared transaction need it.
 */
class ReadTransactionIsolationIT extends QueryServiceITBase {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRepeatableReadTransactionReadsOneSnapshotWithoutChangingTheSessionsLevel() {
        TransactionTemplate repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setReadOnly(true);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        JdbcClient outside = superuser(); // its own connections, outside the transaction

        repeatableRead.executeWithoutResult(status -> {
            assertThat(setting("transaction_isolation")).isEqualTo("repeatable read");
            assertThat(setting("transaction_read_only")).isEqualTo("on");
            assertThat(setting("default_transaction_isolation")).as("the session's level").isEqualTo("read committed");
            long before = eventsIn(jdbc);

            EventEnvelope opened = new Fixtures.OpportunityStream("COLLABORATION").opened();
            publish(opened);
            eventually().until(() -> outside.sql("SELECT count(*) FROM event_log WHERE event_id = :id")
                    .param("id", opened.eventId()).query(Long.class).single() == 1);

            assertThat(eventsIn(jdbc)).as("the snapshot of the transaction's first read").isEqualTo(before);
        });
        assertThat(setting("transaction_isolation")).as("a statement outside any transaction")
                .isEqualTo("read committed");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single();
    }

    private static long eventsIn(JdbcClient client) {
        return client.sql("SELECT count(*) FROM event_log").query(Long.class).single();
    }
}
