package com.leadledger.query.policy;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projector;

import java.time.Instant;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * A published policy version, kept so that decisions (which record the version they applied) can be read next to
 * the rules in force. Versions never change once published.
 */
public record PolicyView(long version, Instant publishedAt, String publishedBy, PolicyDocument document,
                         String lastEventId) {

    public static final Projector<PolicyView> PROJECTOR = Projector
            .<PolicyView>builder("policy", PolicyView::touchedBy)
            .creates(PolicyPublished.class, e -> Long.toString(e.version()), PolicyView::from)
            .build();

    public static PolicyView from(PolicyPublished e) {
        return new PolicyView(e.version(), e.publishedAt(), e.publishedBy(), required(e.policy(), "policy", e), null);
    }

    public PolicyView touchedBy(EventRef ref) {
        return new PolicyView(version, publishedAt, publishedBy, document, ref.eventId());
    }
}
