package com.leadledger.command.checkpoint;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The checkpoints over the event store and its current extent, for auditors and the query side's reconciliation. */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
class CheckpointController {

    /**
     * @param events         events stored
     * @param maxGlobalIndex highest global index stored (0 when none)
     * @param streams        streams (aggregates) with at least one event
     */
    record Heads(long events, long maxGlobalIndex, long streams, long checkpoints, CheckpointView latestCheckpoint,
                 Instant readAt) {
    }

    /**
     * @param afterGlobalIndex the global index asked about
     * @param events           events stored with a higher global index
     * @param maxGlobalIndex   highest global index stored (0 when none)
     */
    record StoreTail(long afterGlobalIndex, long events, long maxGlobalIndex, Instant readAt) {
    }

    private final JdbcTemplate jdbc;

    CheckpointController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first, so that a reader can recompute the chain page by page. */
    @Operation(operationId = "listCheckpoints", summary = "List checkpoints",
            description = "Sealed Merkle checkpoints over the event store, oldest first so that a reader can "
                    + "recompute the chain page by page, paged, each with its signed tree head over the whole log. "
                    + "Role: AUDITOR.")
    @GetMapping("/checkpoints")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<CheckpointView> checkpoints(@RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        PageRequestParams paging = PageRequestParams.of(page, size);
        List<CheckpointView> items = jdbc.query("SELECT " + CheckpointRows.SELECT_FROM + " ORDER BY c.checkpoint_no "
                + "LIMIT ? OFFSET ?", (rs, n) -> CheckpointRows.view(rs), paging.size(), paging.offset());
        Long total = jdbc.queryForObject("SELECT count(*) FROM chain_checkpoint", Long.class);
        return new PageResponse<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    @Operation(operationId = "streamHeads", summary = "Read the event store's extent",
            description = "The extent of the event store: events, highest global index, streams, checkpoints "
                    + "and the latest checkpoint. Role: AUDITOR.")
    @GetMapping("/heads")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Heads heads() {
        long[] extent = jdbc.queryForObject("SELECT count(*), coalesce(max(globalindex), 0) FROM domainevententry",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
        Long streams = jdbc.queryForObject("SELECT count(*) FROM stream_head", Long.class);
        Long checkpoints = jdbc.queryForObject("SELECT count(*) FROM chain_checkpoint", Long.class);
        CheckpointView latest = jdbc.query("SELECT " + CheckpointRows.SELECT_FROM + " ORDER BY c.checkpoint_no DESC "
                + "LIMIT 1", rs -> rs.next() ? CheckpointRows.view(rs) : null);
        return new Heads(extent[0], extent[1], streams == null ? 0 : streams, checkpoints == null ? 0 : checkpoints,
                latest, Instant.now());
    }

    /** What the heads count, for the events after a global index only: its cost does not grow with the store. */
    @Operation(operationId = "countEventsAfter", summary = "Count the events stored after a global index",
            description = "The events stored with a global index above the one given, and the highest global index, "
                    + "so that a reader who verified the store up to a checkpoint need not count it all again. "
                    + "Role: AUDITOR.")
    @GetMapping("/heads/after")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StoreTail tail(@RequestParam long globalIndex) {
        if (globalIndex < 0) {
            throw RuleViolation.invalidField("globalIndex", "must be 0 or greater");
        }
        long[] tail = jdbc.queryForObject("SELECT count(*), (SELECT coalesce(max(globalindex), 0) FROM "
                        + "domainevententry) FROM domainevententry WHERE globalindex > ?",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}, globalIndex);
        return new StoreTail(globalIndex, tail[0], tail[1], Instant.now());
    }
}
