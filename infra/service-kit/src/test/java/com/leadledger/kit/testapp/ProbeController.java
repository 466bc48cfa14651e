package com.leadledger.kit.testapp;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.idempotency.CommittedWork;
import com.leadledger.kit.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Endpoints that exercise the kit: work that is recorded, refusals of every kind, a body with rules, the caller. */
@RestController
class ProbeController {

    record Action(String name) {
    }

    record Executed(long executionId, String name) {
    }

    enum Tier { REGISTERED, SILVER, GOLD }

    record Customer(@NotBlank String legalName, @NotBlank String taxId) {
    }

    record Order(@NotNull @Valid Customer customer, @NotNull @Min(1) Integer quantity, @NotNull Tier tier,
                 String comment) {
    }

    record Caller(String subject, List<String> roles, String partnerId, List<String> authorities) {
    }

    private final JdbcClient jdbc;
    private final Holds holds;
    private final CommittedWork committedWork;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    ProbeController(JdbcClient jdbc, Holds holds, CommittedWork committedWork, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.committedWork = committedWork;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Records one execution in its own transaction and answers 201 with its id. */
    @PostMapping("/probe/actions")
    ResponseEntity<Executed> act(@RequestBody Action action) {
        Executed executed = execute(action);
        return ResponseEntity.created(URI.create("/probe/actions/" + executed.executionId())).body(executed);
    }

    /** Records one execution in its own transaction, then waits for the test before it answers. */
    @PostMapping("/probe/held-actions")
    ResponseEntity<Executed> actAndHold(@RequestBody Action action) throws InterruptedException {
        Executed executed = execute(action);
        holds.holdHere(action.name());
        return ResponseEntity.created(URI.create("/probe/actions/" + executed.executionId())).body(executed);
    }

    /**
     * Records one execution on another thread, handed over as the command service hands a retried command to its
     * retry executor, then waits for the test before it answers.
     */
    @PostMapping("/probe/handed-over-held-actions")
    ResponseEntity<Executed> actElsewhereAndHold(@RequestBody Action action) throws Exception {
        Executed executed = CompletableFuture.supplyAsync(() -> execute(action),
                task -> new Thread(committedWork.decorate(task), "handed-over").start()).get();
        holds.holdHere(action.name());
        return ResponseEntity.created(URI.create("/probe/actions/" + executed.executionId())).body(executed);
    }

    /** Reads in a read-only transaction, then refuses. */
    @PostMapping("/probe/refusals/{kind}")
    void refuse(@PathVariable RuleViolation.Kind kind) {
        reading.executeWithoutResult(status -> jdbc.sql("SELECT count(*) FROM probe_execution").query(Long.class)
                .single());
        throw new RuleViolation(kind, "PROBE_" + kind.name(), "Refused as " + kind.name().toLowerCase() + ".",
                Map.of("registrationId", "R-42"));
    }

    /** Refuses for now: the same request may pass in 1.5 s. */
    @PostMapping("/probe/refusal-for-now")
    void refuseForNow() {
        throw RuleViolation.tooManyRequests("PROBE_LIMIT", "Not now.", Map.of(), Duration.ofMillis(1500));
    }

    @PostMapping("/probe/field-refusal")
    void refuseAField() {
        throw RuleViolation.invalidField("customer.taxId", "fails its checksum", "TAX_ID_CHECKSUM");
    }

    @PostMapping("/probe/orders")
    Order order(@Valid @RequestBody Order order) {
        return order;
    }

    @GetMapping("/probe/failure")
    void fail() {
        throw new IllegalStateException("internal detail: com.leadledger.kit.testapp.Secret at line 7");
    }

    /** As Axon reports an insert cut off by a PostgreSQL crash: its own exception around the driver's. */
    @GetMapping("/probe/database-crash")
    void databaseCrash() {
        throw new IllegalStateException("Cannot reuse aggregate identifier [x]", new java.sql.BatchUpdateException(
                "Batch entry 0 INSERT INTO DomainEventEntry", "57P01", 0, new int[0],
                new java.sql.SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01")));
    }

    @GetMapping({"/probe/me", "/probe/partners-only"})
    Caller me(Authentication authentication) {
        Actor actor = Actor.from(authentication);
        return new Caller(actor.subject(), actor.roles().stream().map(Enum::name).sorted().toList(),
                actor.partnerId(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }

    /** The work of a request, in a transaction as the services do theirs. */
    private Executed execute(Action action) {
        long id = writing.execute(status -> jdbc.sql("INSERT INTO probe_execution (name) VALUES (:name) RETURNING id")
                .param("name", action.name()).query(Long.class).single());
        return new Executed(id, action.name());
    }
}
