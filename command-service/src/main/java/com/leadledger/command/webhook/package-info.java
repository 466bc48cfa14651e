/**
 * Signed partner webhooks: a partner's subscription (an aggregate of its own), the outbox that turns stored events
 * into deliveries for the partners they concern, and the dispatcher that posts them with retries (docs/webhooks.md).
 */
package com.leadledger.command.webhook;
