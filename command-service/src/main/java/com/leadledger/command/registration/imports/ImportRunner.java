package com.leadledger.command.registration.imports;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.registration.RegistrationAccepted;
import com.leadledger.command.registration.SubmissionReceipts;
import com.leadledger.command.registration.SubmitRegistrationRequest;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Files the rows of imports, one at a time, oldest import first, each exactly as a single submission by the partner's
 * user who sent the file: the same field checks, then {@code SubmitRegistration} through the command bus with that
 * user as the actor and the import as the correlation. An accepted row's outcome (with its signed receipt) commits in
 * the transaction that stores its registration; a refused row records the refusal's code and fields. Woken when an
 * import is kept, and every {@code leadledger.imports.poll} for the rows of an instance that stopped midway.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportStore store;
    private final CommandGateway commands;
    private final SubmissionReceipts receipts;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ImportProperties settings;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread worker = new Thread(task, "registration-import");
        worker.setDaemon(true);
        return worker;
    });
    private final AtomicBoolean draining = new AtomicBoolean();

    ImportRunner(ImportStore store, CommandGateway commands, SubmissionReceipts receipts, Validator validator,
                 TransactionTemplate transactions, Clock clock, ImportProperties settings) {
        this.store = store;
        this.commands = commands;
        this.receipts = receipts;
        this.validator = validator;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long poll = settings.poll().toMillis();
        thread.scheduleWithFixedDelay(this::drainQuietly, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Starts filing soon, off the caller's thread. */
    void wake() {
        thread.execute(this::drainQuietly);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    private void drainQuietly() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (!Thread.currentThread().isInterrupted() && fileNextRow()) {
                // one row per transaction
            }
        } catch (RuntimeException e) {
            log.warn("filing imported rows stopped; the next poll resumes", e);
        } finally {
            draining.set(false);
        }
    }

    /** Files one undecided row; false when there is none. */
    boolean fileNextRow() {
        AtomicReference<ImportStore.PendingRow> taken = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Optional<ImportStore.PendingRow> next = store.lockNextPending();
                if (next.isEmpty()) {
                    return false;
                }
                ImportStore.PendingRow row = next.get();
                taken.set(row);
                RegistrationAccepted accepted = commands.sendAndWait(message(row, submission(row)));
                store.accepted(row, accepted, receipts.issue(accepted, row.partnerId()));
                return true;
            }));
        } catch (RuleViolation refusal) {
            ImportStore.PendingRow row = taken.get();
            transactions.executeWithoutResult(status -> store.refused(row, refusal, clock.instant()));
            return true;
        }
    }

    /** The row as the body of a single submission, with the same field checks, or the refusal they give. */
    private SubmitRegistrationRequest submission(ImportStore.PendingRow row) {
        SubmitRegistrationRequest request = ImportRowRequest.request(row.cells()).orElseThrow(() ->
                RuleViolation.invalidField(ImportRowRequest.CLOSE_DATE_FIELD, ImportRowRequest.CLOSE_DATE_PROBLEM));
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!problems.isEmpty()) {
            throw RuleViolation.invalidFields("The row has invalid fields.", problems);
        }
        return request;
    }

    private static GenericCommandMessage<?> message(ImportStore.PendingRow row, SubmitRegistrationRequest request) {
        String rowReference = "import:" + row.importId() + ":" + row.rowNumber();
        return (GenericCommandMessage<?>) GenericCommandMessage.asCommandMessage(
                request.toCommand(row.registrationId(), row.partnerId())).andMetaData(MetaData.from(Map.of(
                CommandMetadata.ACTOR_ID, row.actorId(),
                CommandMetadata.ACTOR_ROLE, Role.PARTNER.name(),
                CommandMetadata.PARTNER_ID, row.partnerId(),
                CommandMetadata.REQUEST_ID, rowReference,
                CommandMetadata.CAUSATION_ID, rowReference,
                CommandMetadata.CORRELATION_ID, "import:" + row.importId())));
    }
}
