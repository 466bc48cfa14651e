package com.leadledger.command.registration.imports;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * A partner imports its open deals from a CSV file: the file is checked as a whole and kept (202, the import at
 * {@code Location}); its rows are then filed one by one by {@link ImportRunner}, each through the rules of a single
 * submission. The same file sent again is the same import. Only the partner that sent it reads an import; for anyone
 * else it does not exist.
 */
@RestController
@RequestMapping("/api/v1/registrations/imports")
@Tag(name = "registrations")
class ImportController {

    private final ImportStore store;
    private final ImportRunner runner;
    private final IdGenerator ids;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ImportProperties settings;

    ImportController(ImportStore store, ImportRunner runner, IdGenerator ids, TransactionTemplate transactions,
                     Clock clock, ImportProperties settings) {
        this.store = store;
        this.runner = runner;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Operation(operationId = "importRegistrations", summary = "Import registrations from a CSV file",
            description = "The file is checked whole (IMPORT_FILE_INVALID names where it is malformed) and kept; "
                    + "its rows are then filed one by one through the rules of a single submission. The same file "
                    + "again is the same import. Columns: see docs/api.md. Role: PARTNER.")
    @ApiResponse(responseCode = "202", description = "Kept; the import is at Location.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "UTF-8 (a byte order mark is allowed), RFC 4180, separated by ';' or ',', with a header row "
                    + "naming the columns (see docs/api.md).",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "twoDeals", summary = "A header row and two deals", value = """
                            legalName;country;taxId;domain;region;productLine;amount;currency;expectedCloseDate;description
                            ООО «Ромашка»;RU;7707083893;;Москва;NETWORK_SECURITY;1250000.00;RUB;2027-03-31;"Roll-out; phase 1"
                            Acme GmbH;DE;;acme.example;;DATA_CENTER;80000.00;EUR;2027-06-30;
                            """)))
    @PostMapping(consumes = "text/csv")
    ResponseEntity<ImportReport> start(@RequestBody byte[] csv, Authentication authentication) {
        Actor partner = Actor.from(authentication);
        ImportFile file = ImportFile.parse(csv, settings.maxRows());
        Map.Entry<ImportStore.Job, Boolean> kept = transactions.execute(status -> store.createOrFind(ids.newId(),
                partner.partnerId(), partner.subject(), file, clock.instant()));
        ImportStore.Job job = kept.getKey();
        if (kept.getValue()) {
            runner.wake();
        }
        PageRequestParams firstPage = PageRequestParams.of(null, null);
        return ResponseEntity.accepted().location(URI.create("/api/v1/registrations/imports/" + job.importId()))
                .body(ImportReport.of(job, store.counts(job.importId()),
                        store.rows(job.importId(), firstPage.offset(), firstPage.size()), firstPage.page(),
                        firstPage.size()));
    }

    @Operation(operationId = "registrationImport", summary = "Read an import",
            description = "How many rows are decided, and a page of its rows in file order: PENDING, ACCEPTED with the "
                    + "registration id and receipt, or REFUSED with the problem. Only the partner that sent it.")
    @GetMapping("/{importId}")
    ImportReport report(@PathVariable String importId, @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size, Authentication authentication) {
        Actor partner = Actor.from(authentication);
        ImportStore.Job job = store.byId(importId).filter(j -> j.partnerId().equals(partner.partnerId()))
                .orElseThrow(() -> RuleViolation.notFound("Import " + importId));
        PageRequestParams paging = PageRequestParams.of(page, size);
        return ImportReport.of(job, store.counts(importId), store.rows(importId, paging.offset(), paging.size()),
                paging.page(), paging.size());
    }
}
