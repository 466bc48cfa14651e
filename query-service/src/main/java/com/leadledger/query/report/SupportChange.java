package com.leadledger.query.report;

import java.time.Instant;

/**
 * Support taken away from a registration: moved to another one or withdrawn.
 *
 * @param manager           the staff member who did it (the event's actor)
 * @param reasonCode        the justification given, {@code NONE} when none was needed
 * @param awayFromProtected whether the registration losing support was still protected at that moment
 */
record SupportChange(Kind kind, String opportunityId, String manager, String reasonCode, String fromPartnerId,
                     boolean awayFromProtected, Instant at) {

    enum Kind { MOVED, WITHDRAWN }
}
