package com.leadledger.console.registration;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The command service's answer to a submission, with the signed receipt exactly as it was given and the id of the
 * first event it recorded.
 */
public record Submission(String registrationId, String opportunityId, String status, Instant acceptedAt,
                         JsonNode receipt, String eventId) {
}
