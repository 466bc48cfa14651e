package com.leadledger.query.ingest;

import com.leadledger.query.projection.UndecodableRecordException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database is unreachable, overloaded, restarting, or the transaction lost
 * a concurrency race) from a failure of the event itself. The first kind passes by itself: the record is retried
 * for as long as it takes. Anything else happens again on every attempt: after the bounded retries the record is
 * parked.
 */
public final class Failures {

    /**
     * SQLSTATE classes of passing conditions: 08 connection exception, 40 transaction rollback (serialization,
     * deadlock), 53 insufficient resources, 57 operator intervention (shutdown, restart), 58 system error; and 55P03
     * lock not available.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 32; depth++) {
            if (current instanceof UndecodableRecordException) {
                return false;
            }
            if (current instanceof TransientDataAccessException
                    || current instanceof RecoverableDataAccessException
                    || current instanceof DataAccessResourceFailureException
                    || current instanceof PessimisticLockingFailureException
                    || current instanceof CannotCreateTransactionException
                    || current instanceof TransactionSystemException
                    || current instanceof SQLTransientException
                    || current instanceof SQLRecoverableException
                    || current instanceof java.net.ConnectException) {
                return true;
            }
            if (current instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2)) || state.equals("55P03"));
    }

    /** The innermost cause: what actually went wrong. */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
