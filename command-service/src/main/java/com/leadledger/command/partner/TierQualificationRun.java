package com.leadledger.command.partner;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.kit.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A qualification run: one {@link EvaluateTierQualification} command per active partner, all with the run's id and
 * instant. Each evaluation is its own command (its rules live in the partner aggregate); a partner refused on the way
 * (suspended meanwhile) is reported as skipped and does not stop the run.
 */
@Component
class TierQualificationRun {

    record Evaluation(String partnerId, String evaluationId) {
    }

    record Skipped(String partnerId, String code) {
    }

    record Result(String runId, Instant runAt, List<Evaluation> evaluations, List<Skipped> skipped) {
    }

    /** The code of a partner the run could not evaluate for another reason than a rule. */
    static final String EVALUATION_FAILED = "EVALUATION_FAILED";
    private static final Logger log = LoggerFactory.getLogger(TierQualificationRun.class);

    private final PartnerRegistry partners;
    private final IdGenerator ids;

    TierQualificationRun(PartnerRegistry partners, IdGenerator ids) {
        this.partners = partners;
        this.ids = ids;
    }

    /** Runs at {@code runAt}, sending each evaluation through {@code send}. */
    Result run(Instant runAt, Consumer<EvaluateTierQualification> send) {
        String runId = ids.newId();
        List<Evaluation> evaluations = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String partnerId : partners.activePartnerIds()) {
            String evaluationId = ids.newId();
            try {
                send.accept(new EvaluateTierQualification(partnerId, evaluationId, runId, runAt));
                evaluations.add(new Evaluation(partnerId, evaluationId));
            } catch (RuleViolation refused) {
                skipped.add(new Skipped(partnerId, refused.code()));
            } catch (RuntimeException failed) {
                // one partner's failure (a conflict, a lost connection) must not cost the others their evaluation
                log.warn("Tier qualification of partner {} failed in run {}", partnerId, runId, failed);
                skipped.add(new Skipped(partnerId, EVALUATION_FAILED));
            }
        }
        return new Result(runId, runAt, List.copyOf(evaluations), List.copyOf(skipped));
    }
}
