package com.leadledger.command.dumping;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.dispute.DisputeLevel;
import com.leadledger.command.registration.DismissDumpingFlag;
import com.leadledger.command.registration.DumpingFlagIds;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/**
 * Staff act on a possible-dumping flag: dismiss it with a reason, or open a PRICE_DUMPING dispute pre-filled from its
 * numbers, with the flagged registration's partner linked as respondent ({@link DumpingFlagDisputes}).
 */
@Tag(name = "dumping")
@RestController
@RequestMapping("/api/v1/dumping-flags")
class DumpingFlagController {

    private final HttpCommands commands;
    private final IdGenerator ids;

    DumpingFlagController(HttpCommands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @Schema(example = "{\"description\": \"Final price 40 % under list on a 10 % approved discount\"}")
    record DisputeBody(@Size(max = 4000) String description) {
    }

    @Schema(example = "{\"reason\": \"Customer budget cut confirmed in writing; discount approved by the director\"}")
    record DismissBody(@NotBlank @Size(max = 2000) String reason) {
    }

    record Disputed(String flagId, String disputeId, DisputeType type, int level, Instant slaDueAt) {
    }

    record Dismissed(String flagId, String reason) {
    }

    @Operation(operationId = "openDisputeFromDumpingFlag", summary = "Open a dispute from a possible-dumping flag",
            description = "Opens a PRICE_DUMPING dispute about the flagged opportunity with the flag's numbers "
                    + "(registered value as quotedPrice, final value as allegedPrice, approved discount as "
                    + "entitledDiscountPercent), records the flag id on it and links the flagged partner as "
                    + "respondent. Once per flag. Role: staff.")
    @ApiResponse(responseCode = "201", description = "Dispute opened.", useReturnTypeSchema = true)
    @ProblemCodes(status = 409, value = {"DUMPING_FLAG_ALREADY_DISPUTED", "DUMPING_FLAG_DISMISSED"})
    @PostMapping("/{flagId}/dispute")
    ResponseEntity<Disputed> dispute(@PathVariable String flagId, @Valid @RequestBody(required = false)
                                     DisputeBody body, Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String disputeId = ids.newId();
        DisputeLevel opened = commands.send(new OpenDisputeFromDumpingFlag(flagId, disputeId, staff.subject(),
                staff.staffRole(), body == null ? null : body.description()), staff, staff.staffRole(), request);
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + disputeId)).body(new Disputed(flagId,
                disputeId, DisputeType.PRICE_DUMPING, opened.level(), opened.slaDueAt()));
    }

    @Operation(operationId = "dismissDumpingFlag", summary = "Dismiss a possible-dumping flag",
            description = "Closes the flag without a dispute, with a reason. Role: staff.")
    @ProblemCodes(status = 409, value = {"DUMPING_FLAG_ALREADY_DISPUTED", "DUMPING_FLAG_DISMISSED"})
    @PostMapping("/{flagId}/dismissal")
    Dismissed dismiss(@PathVariable String flagId, @Valid @RequestBody DismissBody body, Authentication auth,
                      HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String reason = body.reason().strip();
        commands.send(new DismissDumpingFlag(registrationOf(flagId), flagId, reason, staff.subject()), staff,
                staff.staffRole(), request);
        return new Dismissed(flagId, reason);
    }

    private static String registrationOf(String flagId) {
        return DumpingFlagIds.registrationOf(flagId)
                .orElseThrow(() -> RuleViolation.notFound("possible-dumping flag"));
    }
}
