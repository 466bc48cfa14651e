package com.leadledger.query.audit;

import com.leadledger.query.it.QueryServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event in the copy without the hash that proves where it came from (received before envelopes carried their
 * stored form) cannot be verified, so the copy holding it is not intact. The row is rolled back, so other tests'
 * whole-copy verifications never see it.
 */
class UnverifiableCopyIT extends QueryServiceITBase {

    @Autowired
    CopyVerifier verifier;
    @Autowired
    JdbcClient sql;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCopyHoldingAnEventWithoutItsHashIsNotIntact() {
        String streamId = "unhashed-" + UUID.randomUUID();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);

        CopyVerifier.Result result = rolledBack.execute(status -> {
            status.setRollbackOnly();
            sql.sql("""
                    INSERT INTO event_log (event_id, global_index, aggregate_type, aggregate_id, sequence_number,
                                           event_type, occurred_at, payload, schema_version)
                    VALUES (:id, 1, 'Opportunity', :stream, 0, 'OpportunityOpened', now(), '{}'::jsonb, 1)""")
                    .param("id", UUID.randomUUID().toString()).param("stream", streamId).update();
            return verifier.verify("stream:" + streamId, streamId);
        });

        assertThat(result.unverifiable()).isEqualTo(1);
        assertThat(result.firstBreak()).isNull();
        assertThat(result.intact()).as("an unverifiable event leaves the copy unproven").isFalse();
    }
}
