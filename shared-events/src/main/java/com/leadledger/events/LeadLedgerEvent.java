package com.leadledger.events;

import com.leadledger.events.dispute.DisputeEvent;
import com.leadledger.events.opportunity.OpportunityEvent;
import com.leadledger.events.partner.PartnerEvent;
import com.leadledger.events.policy.PolicyEvent;
import com.leadledger.events.program.ProgramEvent;
import com.leadledger.events.registration.RegistrationEvent;

/**
 * Every event the command side publishes, one sealed interface per context below this one. The hierarchy is the
 * registry of event types ({@link com.leadledger.events.envelope.EventTypes} reads it): a new event record implements
 * its context's interface and is named in that interface's {@code permits} clause, and nothing else has to list it.
 */
public sealed interface LeadLedgerEvent
        permits RegistrationEvent, OpportunityEvent, DisputeEvent, PartnerEvent, PolicyEvent, ProgramEvent {
}
