/**
 * Wiring of the command service: Axon (command bus routing, interceptors, retries, serializers, deadlines), security,
 * Kafka topics and the clock. No business rule lives here.
 */
package com.leadledger.command.config;
