-- registration_view keeps each registration as one JSON document (the whole RegistrationView record, written by the
-- projection) plus typed copies of the members that are filtered, sorted, joined or compared in SQL: lists (partner,
-- status, product line, newest first), the ranking (opportunity, position), the review queue (status, level, oldest
-- first, earlier active registrations) and the duplicate search (key, domain, normalized name). A new member of the
-- view is a new key of the document: no column, no mapping code.
--
-- Existing rows are converted here, member by member, to the document the projection writes.

ALTER TABLE registration_view ADD COLUMN document jsonb;

-- Instants as the projection writes them: ISO-8601 in UTC.
CREATE FUNCTION pg_temp.instant(at timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$ SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

UPDATE registration_view SET document = jsonb_build_object(
    'registrationId', registration_id,
    'opportunityId', opportunity_id,
    'partnerId', partner_id,
    'position', position,
    'status', status,
    'customer', jsonb_build_object('legalName', customer_legal_name, 'country', customer_country,
                                   'taxId', customer_tax_id, 'domain', customer_domain, 'region', customer_region),
    'customerKey', customer_key,
    'productLine', product_line,
    'estimatedValue', jsonb_build_object('amount', estimated_value_amount::text,
                                         'currency', estimated_value_currency),
    'expectedCloseDate', expected_close_date,
    'description', description,
    'acceptedAt', pg_temp.instant(accepted_at),
    'policyVersion', policy_version,
    'withdrawnAt', pg_temp.instant(withdrawn_at),
    'withdrawalReason', withdrawal_reason,
    'discountPercent', discount_percent,
    'protectionDays', protection_days,
    'protectedUntil', pg_temp.instant(protected_until),
    'supported', supported,
    'reviewLevel', review_level,
    'reviewDueAt', pg_temp.instant(review_due_at),
    'extensionsGranted', extensions_granted,
    'pendingExtension', CASE WHEN pending_extension_id IS NOT NULL THEN jsonb_build_object(
        'extensionRequestId', pending_extension_id, 'days', pending_extension_days,
        'reason', pending_extension_reason, 'requestedAt', pg_temp.instant(pending_extension_requested_at)) END,
    'rejection', CASE WHEN rejection_reason_code IS NOT NULL THEN jsonb_build_object(
        'reasonCode', rejection_reason_code, 'note', rejection_note,
        'earlierRegisteredAt', pg_temp.instant(rejection_earlier_registered_at)) END,
    'outcome', CASE WHEN outcome_result IS NOT NULL THEN jsonb_build_object(
        'result', outcome_result,
        'finalValue', CASE WHEN outcome_final_value_amount IS NOT NULL THEN jsonb_build_object(
            'amount', outcome_final_value_amount::text, 'currency', outcome_final_value_currency) END,
        'reason', outcome_reason, 'reportedAt', pg_temp.instant(outcome_reported_at)) END,
    'decidedAt', pg_temp.instant(decided_at),
    'updatedAt', pg_temp.instant(updated_at),
    'lastEventId', last_event_id);

ALTER TABLE registration_view ALTER COLUMN document SET NOT NULL;

-- Everything below is in the document now. Kept typed: registration_id, opportunity_id, partner_id, position,
-- status, customer_key, customer_domain, customer_name_normalized, product_line, accepted_at, review_level; the
-- indexes are all on those and stay as they are.
ALTER TABLE registration_view
    DROP COLUMN customer_legal_name,
    DROP COLUMN customer_country,
    DROP COLUMN customer_tax_id,
    DROP COLUMN customer_region,
    DROP COLUMN estimated_value_amount,
    DROP COLUMN estimated_value_currency,
    DROP COLUMN expected_close_date,
    DROP COLUMN description,
    DROP COLUMN policy_version,
    DROP COLUMN withdrawn_at,
    DROP COLUMN withdrawal_reason,
    DROP COLUMN discount_percent,
    DROP COLUMN protection_days,
    DROP COLUMN protected_until,
    DROP COLUMN supported,
    DROP COLUMN review_due_at,
    DROP COLUMN extensions_granted,
    DROP COLUMN pending_extension_id,
    DROP COLUMN pending_extension_days,
    DROP COLUMN pending_extension_reason,
    DROP COLUMN pending_extension_requested_at,
    DROP COLUMN rejection_reason_code,
    DROP COLUMN rejection_note,
    DROP COLUMN rejection_earlier_registered_at,
    DROP COLUMN outcome_result,
    DROP COLUMN outcome_final_value_amount,
    DROP COLUMN outcome_final_value_currency,
    DROP COLUMN outcome_reason,
    DROP COLUMN outcome_reported_at,
    DROP COLUMN decided_at,
    DROP COLUMN updated_at,
    DROP COLUMN last_event_id;
