/**
 * Stable error codes: clients match on these, never on messages. Each maps to one HTTP status and
 * a short title; the OpenAPI document lists them.
 */
export const errorCodes = {
  validation_failed: { status: 400, title: 'Request validation failed' },
  malformed_json: { status: 400, title: 'Malformed JSON body' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  invalid_api_key: { status: 401, title: 'Invalid API key' },
  email_not_verified: { status: 403, title: 'Email not verified' },
  forbidden: { status: 403, title: 'Not allowed' },
  insufficient_scope: { status: 403, title: 'API key scope does not allow this' },
  session_required: { status: 403, title: 'This action needs a signed-in user, not an API key' },
  untrusted_origin: { status: 403, title: "The request did not come from Plume's own address" },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  idempotency_conflict: { status: 409, title: 'Idempotency key reused with a different request' },
  idempotency_in_progress: { status: 409, title: 'A request with this idempotency key is still running' },
  invalid_state: { status: 409, title: 'Not possible in the current state' },
  secret_key_missing: { status: 409, title: 'A stored secret was encrypted with a key this server does not have' },
  no_free_slot: { status: 409, title: 'No free posting slot' },
  network_not_configured: { status: 409, title: 'This network is not set up on this server' },
  network_rejected: { status: 422, title: 'The network refused the request' },
  import_rejected: { status: 422, title: 'Some rows of the import have errors; nothing was saved' },
  network_unavailable: { status: 502, title: 'The network could not be reached' },
  llm_budget_exceeded: { status: 402, title: "The workspace's model budget is reached" },
  llm_unavailable: { status: 503, title: 'No model could answer' },
  llm_refused: { status: 422, title: 'The model refused the request' },
  content_refused: { status: 422, title: 'Plume does not generate this' },
  model_does_not_fit: { status: 409, title: 'The model needs more memory than this machine has' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  account_locked: { status: 423, title: 'Account temporarily locked' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  not_ready: { status: 503, title: 'Service not ready' },
} as const;

export type ErrorCode = keyof typeof errorCodes;
