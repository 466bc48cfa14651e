package com.leadledger.command.mail;

import com.leadledger.kit.domain.Role;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * @param enabled      whether messages are recorded and sent at all ({@code LEADLEDGER_MAIL_ENABLED})
 * @param from         the sender address of every message ({@code LEADLEDGER_MAIL_FROM})
 * @param staff        staff mailboxes by role: {@code address:language} entries separated by commas, for example
 *                     {@code leadledger.mail.staff.CHANNEL_DIRECTOR=director@vendor.example:ru}
 * @param sendInterval how often the sender looks for recorded messages not yet sent
 * @param batchSize    messages claimed per look at most
 */
@ConfigurationProperties("leadledger.mail")
@Validated
public record MailProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("no-reply@leadledger.local") String from,
        Map<Role, String> staff,
        @NotNull @DefaultValue("1s") Duration sendInterval,
        @Min(1) @DefaultValue("20") int batchSize) {

    public MailProperties {
        staff = staff == null ? Map.of() : Map.copyOf(staff);
    }
}
