/**
 * The review queue: submitted registrations awaiting staff, their SLA and possible duplicates of other customers'
 * keys; reads registrations through the registration slice, scores duplicates with DuplicateRules.
 */
package com.leadledger.query.review;
