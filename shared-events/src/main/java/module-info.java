/**
 * Event records, value objects and the Kafka envelope contract that both services share. As a named module it may
 * seal {@link com.leadledger.events.LeadLedgerEvent} across its context packages, and it states what it depends on:
 * Jackson, and nothing of Spring, Axon or a database driver. Open, because Jackson reads and writes its records.
 */
open module com.leadledger.events {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports com.leadledger.events;
    exports com.leadledger.events.common;
    exports com.leadledger.events.customer;
    exports com.leadledger.events.dispute;
    exports com.leadledger.events.envelope;
    exports com.leadledger.events.opportunity;
    exports com.leadledger.events.partner;
    exports com.leadledger.events.policy;
    exports com.leadledger.events.registration;
}
