/** The Kafka relay: sends every stored event, in order per aggregate, from the transactional outbox to the topic. */
package com.leadledger.command.relay;
