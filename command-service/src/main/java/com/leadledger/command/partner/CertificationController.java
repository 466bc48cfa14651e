package com.leadledger.command.partner;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The partner's certified specialists (ADMIN): certifications with their validity, and their withdrawal. */
@Tag(name = "partners")
@RestController
@RequestMapping("/api/v1/partners/{partnerId}/certifications")
class CertificationController {

    private final HttpCommands commands;
    private final IdGenerator ids;

    CertificationController(HttpCommands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @Schema(example = "{\"productLine\": \"NETWORK_SECURITY\", \"specialist\": \"Irina Petrova\", "
            + "\"validFrom\": \"2026-09-01\", \"validUntil\": \"2028-08-31\"}")
    record CertificationRequest(@NotBlank @Size(max = 64) String productLine,
                                @NotBlank @Size(max = 200) String specialist,
                                @NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {
    }

    record CertificationRecorded(String partnerId, String certificationId) {
    }

    @Schema(example = "{\"reason\": \"The specialist left the company\"}")
    record WithdrawalRequest(@Size(max = 2000) String reason) {
    }

    record CertificationWithdrawn(String partnerId, String certificationId, String change) {
    }

    @Operation(operationId = "certifySpecialist", summary = "Record a certified specialist",
            description = "Records that one of the partner's specialists is certified for a product line of the "
                    + "policy in force from validFrom to validUntil (both included). The tier qualification run counts "
                    + "the distinct specialists per product line whose certification is valid on its run date. "
                    + "Role: ADMIN.")
    @ApiResponse(responseCode = "201", description = "The certification is recorded.", useReturnTypeSchema = true)
    @ProblemCodes(status = 400, value = {"PRODUCT_LINE_UNKNOWN", "CERTIFICATION_PERIOD_INVALID"})
    @ProblemCodes(status = 409, value = {"CERTIFICATION_EXISTS"})
    @PostMapping
    ResponseEntity<CertificationRecorded> certify(@PathVariable String partnerId,
                                                  @Valid @RequestBody CertificationRequest body,
                                                  Authentication auth, HttpServletRequest request) {
        String certificationId = ids.newId();
        commands.send(new CertifySpecialist(partnerId, certificationId, body.productLine(), body.specialist().strip(),
                body.validFrom(), body.validUntil()), Actor.from(auth), Role.ADMIN, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CertificationRecorded(partnerId, certificationId));
    }

    @Operation(operationId = "withdrawCertification", summary = "Withdraw a specialist certification",
            description = "The certification no longer counts for the partner's tier qualification. Role: ADMIN.")
    @ProblemCodes(status = 409, value = {"CERTIFICATION_WITHDRAWN"})
    @PostMapping("/{certificationId}/withdrawal")
    CertificationWithdrawn withdraw(@PathVariable String partnerId, @PathVariable String certificationId,
                                    @Valid @RequestBody(required = false) WithdrawalRequest body,
                                    Authentication auth, HttpServletRequest request) {
        commands.send(new WithdrawCertification(partnerId, certificationId, body == null ? null : body.reason()),
                Actor.from(auth), Role.ADMIN, request);
        return new CertificationWithdrawn(partnerId, certificationId, "WITHDRAWN");
    }
}
