package com.leadledger.kit.idempotency;

import org.jspecify.annotations.Nullable;
import org.springframework.core.task.TaskDecorator;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records, inside the request's own transaction, that the work of a request holding an Idempotency-Key was committed:
 * every write transaction the request begins on its thread marks the key before it commits. A service that stops
 * after that commit and before the answer is recorded leaves a key that is never taken for abandoned, so a retry
 * cannot do the work a second time. Work the request hands to another thread (a command retried on a scheduler's
 * thread) is marked too when the hand-over goes through {@link #decorate(Runnable)}. Spring Boot registers this
 * {@link TransactionExecutionListener} with the transaction manager it configures.
 */
public class CommittedWork implements TransactionExecutionListener, TaskDecorator {

    private record Claim(String scope, String key) {
    }

    private final ThreadLocal<Claim> current = new ThreadLocal<>();
    private final IdempotencyStore store;

    public CommittedWork(IdempotencyStore store) {
        this.store = store;
    }

    /** From now on, on this thread, committed work belongs to the request that claimed this key. */
    void begin(String scope, String key) {
        current.set(new Claim(scope, key));
    }

    void end() {
        current.remove();
    }

    /** The task, run on whichever thread, commits its work for the request that handed it over (if any). */
    @Override
    public Runnable decorate(Runnable task) {
        Claim claim = current.get();
        if (claim == null) {
            return task;
        }
        return () -> {
            Claim previous = current.get();
            current.set(claim);
            try {
                task.run();
            } finally {
                current.set(previous);
            }
        };
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        Claim claim = current.get();
        if (claim == null || beginFailure != null || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly) {
                    store.markWorkCommitted(claim.scope(), claim.key());
                }
            }
        });
    }
}
