package com.leadledger.query.policy;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;

import java.time.Instant;

import static com.leadledger.query.projection.EventContract.required;

/**
 * A published policy version, kept so that decisions (which record the version they applied) can be read next to
 * the rules in force. Each publication adds one; versions never change once published.
 *
 * @param publishedAt when the version took effect; the time the event was stored when the event does not say
 */
record PolicyView(long version, Instant publishedAt, String publishedBy, PolicyDocument document,
                         String lastEventId) {

    public static final Projector<PolicyView> PROJECTOR = Projector.<PolicyView>entries("policy")
            .adds(PolicyPublished.class, PolicyView::from)
            .build();

    static PolicyView from(PolicyPublished e, EventRef ref) {
        return new PolicyView(e.version(), e.publishedAt() != null ? e.publishedAt() : ref.timestamp(),
                e.publishedBy(), required(e.policy(), "policy", e), ref.eventId());
    }
}
