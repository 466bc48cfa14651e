package com.leadledger.command.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** Policy versions: ADMIN publishes (validated by the Policy aggregate); anyone authenticated reads them. */
@Tag(name = "policies")
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

    private final PolicyVersions versions;
    private final HttpCommands commands;

    PolicyController(PolicyVersions versions, HttpCommands commands) {
        this.versions = versions;
        this.commands = commands;
    }

    record Published(long version) {
    }

    /** ADMIN publishes a complete new version; it is in force from now on and recorded by every later decision. */
    @Operation(operationId = "publishPolicy", summary = "Publish a policy version",
            description = "Publishes a complete policy document as the next version, in force at once on every "
                    + "instance. Role: ADMIN.")
    @ApiResponse(responseCode = "201", description = "Published; the answer names the new version.",
            useReturnTypeSchema = true)
    @FieldRules({"POLICY_INVALID"})
    @PostMapping
    ResponseEntity<Published> publish(@RequestBody PolicyDocument policy, Authentication auth,
                                      HttpServletRequest request) {
        Actor admin = Actor.from(auth);
        Long version = commands.send(new PublishPolicy(Policy.POLICY_ID, policy, admin.subject()), admin, Role.ADMIN,
                request);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + version)).body(new Published(version));
    }

    /** A published version as a caller sees it: who published it is the vendor's business, not shown to partners. */
    record PolicyVersion(long version, Instant publishedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String publishedBy, PolicyDocument policy) {

        static PolicyVersion of(PublishedPolicy published, Actor caller) {
            return new PolicyVersion(published.version(), published.publishedAt(),
                    caller.isPartnerOnly() ? null : published.publishedBy(), published.policy());
        }
    }

    @Operation(operationId = "currentPolicy", summary = "Read the policy in force",
            description = "The policy version in force with its document. Any authenticated caller.")
    @GetMapping("/current")
    PolicyVersion current(Authentication auth) {
        return PolicyVersion.of(versions.current().orElseThrow(() -> RuleViolation.notFound("policy")),
                Actor.from(auth));
    }

    @Operation(operationId = "policyVersion", summary = "Read a policy version",
            description = "One published policy version with its document. Any authenticated caller.")
    @GetMapping("/{version}")
    PolicyVersion version(@PathVariable long version, Authentication auth) {
        return PolicyVersion.of(versions.find(version)
                .orElseThrow(() -> RuleViolation.notFound("policy version " + version)), Actor.from(auth));
    }
}
