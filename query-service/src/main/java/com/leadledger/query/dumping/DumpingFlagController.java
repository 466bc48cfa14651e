package com.leadledger.query.dumping;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The possible-dumping queue: channel staff, arbitration staff and auditors (see SecurityConfig); partners never see a
 * flag, not even their own (a flag is not a finding).
 */
@Tag(name = "dumping")
@RestController
@RequestMapping("/api/v1/dumping-flags")
class DumpingFlagController {

    private final DumpingFlagRepository flags;

    DumpingFlagController(DumpingFlagRepository flags) {
        this.flags = flags;
    }

    @Operation(operationId = "listDumpingFlags", summary = "Read the possible-dumping queue",
            description = "Possible-dumping flags of one status (OPEN by default, DISMISSED, DISPUTED), oldest first, "
                    + "paged, with every number the rules used; JSON or CSV. Role: CHANNEL_MANAGER, "
                    + "CHANNEL_DIRECTOR, ARBITRATION_COMMITTEE, AUDITOR.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<DumpingFlagItem> list(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        DumpingFlagView.Status wanted = parseStatus(status);
        PageRequestParams paging = PageRequestParams.of(page, size);
        return new PageResponse<>(flags.list(wanted, paging.offset(), paging.size()).stream()
                .map(DumpingFlagItem::of).toList(), paging.page(), paging.size(), flags.count(wanted));
    }

    @Operation(operationId = "getDumpingFlag", summary = "Read a possible-dumping flag",
            description = "One flag with its numbers, and the dispute opened from it if any. Role: CHANNEL_MANAGER, "
                    + "CHANNEL_DIRECTOR, ARBITRATION_COMMITTEE, AUDITOR.")
    @GetMapping("/{flagId}")
    @Transactional(readOnly = true)
    public DumpingFlagItem get(@PathVariable String flagId) {
        return flags.find(flagId).map(DumpingFlagItem::of)
                .orElseThrow(() -> RuleViolation.notFound("possible-dumping flag"));
    }

    private static DumpingFlagView.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return DumpingFlagView.Status.OPEN;
        }
        try {
            return DumpingFlagView.Status.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("status", "must be one of " + Arrays
                    .stream(DumpingFlagView.Status.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
