package com.leadledger.command.partner;

import com.leadledger.kit.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TierQualificationRunTest {

    private static final Instant RUN_AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void canEvaluateEveryOtherPartnerWhenOneFailsOrIsRefused() {
        PartnerRegistry registry = new PartnerRegistry(null) {
            @Override
            List<String> activePartnerIds() {
                return List.of("P-1", "P-2", "P-3", "P-4");
            }
        };
        AtomicInteger ids = new AtomicInteger();
        TierQualificationRun run = new TierQualificationRun(registry, () -> "id-" + ids.incrementAndGet());
        List<String> sent = new ArrayList<>();

        TierQualificationRun.Result result = run.run(RUN_AT, command -> {
            sent.add(command.partnerId());
            if (command.partnerId().equals("P-2")) {
                throw new IllegalStateException("the connection was lost");
            }
            if (command.partnerId().equals("P-3")) {
                throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_SUSPENDED", "suspended meanwhile");
            }
        });

        assertThat(sent).containsExactly("P-1", "P-2", "P-3", "P-4");
        assertThat(result.evaluations()).extracting(TierQualificationRun.Evaluation::partnerId)
                .containsExactly("P-1", "P-4");
        assertThat(result.skipped()).containsExactly(
                new TierQualificationRun.Skipped("P-2", TierQualificationRun.EVALUATION_FAILED),
                new TierQualificationRun.Skipped("P-3", "PARTNER_SUSPENDED"));
    }
}
