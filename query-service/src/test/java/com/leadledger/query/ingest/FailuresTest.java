package com.leadledger.query.ingest;

import com.leadledger.query.projection.UndecodableRecordException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    static Exception fromListener(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }

    static SQLException sql(String state) {
        return new SQLException("ERROR: injected", state);
    }

    @Test
    void anUnreachableOrRestartingDatabaseIsPassing() {
        assertThat(Failures.isTransient(fromListener(new CannotGetJdbcConnectionException("no connection"))))
                .isTrue();
        assertThat(Failures.isTransient(fromListener(new CannotCreateTransactionException("no connection"))))
                .isTrue();
        assertThat(Failures.isTransient(fromListener(new UncategorizedSQLException("insert", "INSERT", sql("08006")))))
                .isTrue();
        assertThat(Failures.isTransient(fromListener(new UncategorizedSQLException("insert", "INSERT", sql("57P01")))))
                .isTrue();
        assertThat(Failures.isTransient(fromListener(new UncategorizedSQLException("insert", "INSERT", sql("40001")))))
                .isTrue();
        assertThat(Failures.isTransient(fromListener(new UncategorizedSQLException("insert", "INSERT", sql("53300")))))
                .isTrue();
    }

    @Test
    void whatTheEventItselfCausesIsNotPassing() {
        assertThat(Failures.isTransient(fromListener(new DataIntegrityViolationException("check",
                sql("23514"))))).isFalse();
        assertThat(Failures.isTransient(fromListener(new UncategorizedSQLException("insert", "INSERT", sql("P0001")))))
                .isFalse();
        assertThat(Failures.isTransient(fromListener(new UncategorizedSQLException("insert", "INSERT", sql("22008")))))
                .isFalse();
        assertThat(Failures.isTransient(fromListener(new IllegalStateException("projection bug")))).isFalse();
        assertThat(Failures.isTransient(fromListener(new NullPointerException()))).isFalse();
    }

    @Test
    void anUndecodableRecordIsNeverPassingWhateverItWraps() {
        assertThat(Failures.isTransient(fromListener(new UndecodableRecordException("payload", "bad",
                new CannotGetJdbcConnectionException("no connection"))))).isFalse();
    }

    @Test
    void theRootIsTheInnermostCause() {
        SQLException root = sql("23514");
        assertThat(Failures.root(fromListener(new DataIntegrityViolationException("check", root)))).isSameAs(root);
    }
}
