package com.leadledger.e2e.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static com.leadledger.e2e.compat.Callers.AUDITOR;
import static com.leadledger.e2e.compat.Callers.DIRECTOR;
import static com.leadledger.e2e.compat.Callers.MANAGER;
import static com.leadledger.e2e.compat.Callers.partner;

/**
 * The reads whose answers are expected after a replay: every list and detail endpoint staff and auditors read, for
 * every registration, opportunity, dispute and partner of the story (and a dispute as each party sees it), the audit
 * trail of a few streams, the point-in-time views at the story's fixed instant, the integrity of the query side's
 * copy, and on the command side the policies and the checkpoints.
 */
final class ReadModelRequests {

    private ReadModelRequests() {
    }

    static List<Request> of(StoredEventsStory.Told story) {
        List<Request> reads = new ArrayList<>();
        reads.add(Request.query("/api/v1/registrations?size=200", MANAGER));
        reads.add(Request.query("/api/v1/registrations?status=APPROVED&size=200", AUDITOR));
        new TreeMap<>(story.registrations()).values()
                .forEach(id -> reads.add(Request.query("/api/v1/registrations/" + id, MANAGER)));
        reads.add(Request.query("/api/v1/review-queue?size=200", MANAGER));
        new TreeMap<>(story.opportunities()).values()
                .forEach(id -> reads.add(Request.query("/api/v1/opportunities/" + id, MANAGER)));
        reads.add(Request.query("/api/v1/disputes?size=200", MANAGER));
        reads.add(Request.query("/api/v1/disputes?status=OPEN&size=200", DIRECTOR));
        new TreeMap<>(story.disputes()).values()
                .forEach(id -> reads.add(Request.query("/api/v1/disputes/" + id, DIRECTOR)));
        String dumping = story.disputes().get("dumping");
        reads.add(Request.query("/api/v1/disputes/" + dumping, partner(StoredEventsStory.A)));
        reads.add(Request.query("/api/v1/disputes/" + dumping, partner(StoredEventsStory.B)));
        reads.add(Request.query("/api/v1/partners?size=200", MANAGER));
        story.partners().forEach(id -> reads.add(Request.query("/api/v1/partners/" + id, AUDITOR)));

        String ranked = story.opportunities().get("ranked");
        String revoked = story.opportunities().get("dumping-b");
        for (String stream : List.of(ranked, revoked, dumping, StoredEventsStory.B, StoredEventsStory.POLICY_STREAM)) {
            reads.add(Request.query("/api/v1/audit/events?aggregateId=" + stream + "&size=200", AUDITOR));
        }
        String asOf = "?asOf=" + story.asOf();
        reads.add(Request.query("/api/v1/audit/opportunities/" + ranked + asOf, AUDITOR));
        reads.add(Request.query("/api/v1/audit/registrations/" + story.registrations().get("ranked-B") + asOf, AUDITOR));
        reads.add(Request.query("/api/v1/audit/disputes/" + story.disputes().get("claim") + asOf, AUDITOR));
        reads.add(Request.query("/api/v1/audit/opportunities/" + ranked + "/decisions", AUDITOR));
        reads.add(Request.query("/api/v1/audit/opportunities/" + revoked + "/decisions", AUDITOR));
        reads.add(Request.query("/api/v1/audit/partners/" + StoredEventsStory.B + "/timeline?size=200", AUDITOR));
        reads.add(Request.query("/api/v1/audit/verify", AUDITOR));

        reads.add(Request.command("/api/v1/policies/current", AUDITOR));
        reads.add(Request.command("/api/v1/policies/1", AUDITOR));
        reads.add(Request.command("/api/v1/policies/2", AUDITOR));
        reads.add(Request.command("/api/v1/audit/checkpoints?size=200", AUDITOR));
        reads.add(Request.command("/api/v1/audit/heads", AUDITOR));
        return reads;
    }
}
