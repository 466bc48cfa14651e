package com.leadledger.command.partner;

import com.leadledger.command.web.HttpCommands;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A partner's e-mail contacts: the partner itself (from its token) or ADMIN replaces the whole list. */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "partners")
class PartnerContactsController {

    private final HttpCommands commands;

    PartnerContactsController(HttpCommands commands) {
        this.commands = commands;
    }

    record ContactBody(@Size(max = 254) String email, @Size(max = 8) String language) {
    }

    @Schema(example = "{\"contacts\": [{\"email\": \"sales@integrator.example\", \"language\": \"ru\"}, "
            + "{\"email\": \"deals@integrator.example\", \"language\": \"en\"}]}")
    record ContactsRequest(@NotNull @Size(max = ChangePartnerContactsRules.MAX_CONTACTS) List<@Valid ContactBody> contacts) {
    }

    record ContactsChanged(String partnerId, List<ContactBody> contacts) {
    }

    @Operation(operationId = "replacePartnerContacts", summary = "Replace the partner's e-mail contacts",
            description = "The whole list of addresses (at most 20) that receive the partner's e-mails, each with its "
                    + "language (ru or en). The partner itself or ADMIN; another partner's id is 404.")
    @PutMapping("/{partnerId}/contacts")
    ContactsChanged replace(@PathVariable String partnerId, @Valid @RequestBody ContactsRequest body,
                            Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        boolean admin = actor.has(Role.ADMIN);
        List<ChangePartnerContacts.Contact> contacts = body.contacts().stream()
                .map(c -> new ChangePartnerContacts.Contact(c.email(), c.language()))
                .toList();
        commands.send(new ChangePartnerContacts(partnerId, admin ? null : actor.requirePartnerId(), contacts), actor,
                admin ? Role.ADMIN : Role.PARTNER, request);
        return new ContactsChanged(partnerId, ChangePartnerContactsRules.normalized(contacts).stream()
                .map(c -> new ContactBody(c.email(), c.language())).toList());
    }
}
