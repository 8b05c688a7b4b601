/**
 * The one catalogue of stable error codes. Every error a door shows a caller comes from here;
 * the HTTP status for each code is set here and nowhere else.
 */
export const ERROR_CATALOGUE = {
  // request shape
  invalid_json: { status: 400, summary: 'The body is not valid JSON.' },
  invalid_utf8: { status: 400, summary: 'The body is not valid UTF-8 or contains unpaired surrogates.' },
  invalid_character: { status: 400, summary: 'A text contains a character that is accepted nowhere (U+0000, NUL).' },
  empty_body: { status: 400, summary: 'The request needs a body.' },
  validation_failed: { status: 400, summary: 'The request does not match the schema.' },
  text_too_large: { status: 413, summary: 'A text field is over the size limit.' },
  body_too_large: { status: 413, summary: 'The request body is over the size limit.' },
  unsupported_media_type: { status: 415, summary: 'The content type is not supported.' },
  uri_too_long: { status: 414, summary: 'A path parameter is over the length limit.' },
  // media
  invalid_media: { status: 422, summary: 'The media file is corrupt, truncated, empty or not what it claims to be.' },
  media_too_large: { status: 413, summary: 'The media is over a size, pixel, duration or frame limit.' },
  unsupported_media: { status: 415, summary: 'The media format is not supported.' },
  media_timeout: { status: 422, summary: 'Processing the media took longer than allowed.' },
  invalid_hash: { status: 400, summary: 'Not a valid hash.' },
  ffmpeg_unavailable: { status: 503, summary: 'No working ffmpeg was found.' },
  cancelled: { status: 409, summary: 'The operation was cancelled before it finished.' },
  media_not_found: { status: 404, summary: 'No such upload or media file.' },
  media_path_forbidden: { status: 403, summary: 'Reading media from this path is not allowed (no media roots are configured, or the path is outside them).' },
  media_fetch_forbidden: { status: 403, summary: 'Fetching this media is not allowed (fetching is off, or the URL, scheme, credentials or address is refused).' },
  media_fetch_failed: { status: 502, summary: 'The media could not be fetched (the remote server could not be reached, failed or answered with an error).' },
  // auth
  unauthenticated: { status: 401, summary: 'An API key (Authorization: Bearer <key>) or a session (sign in) is required.' },
  invalid_api_key: { status: 401, summary: 'The API key is unknown or revoked.' },
  forbidden: { status: 403, summary: 'The role of this key does not allow this operation.' },
  invalid_session: { status: 401, summary: 'The session is unknown, expired or ended (signed out, password changed, role changed, account deactivated): sign in again.' },
  csrf_failed: { status: 403, summary: 'A change made with a session needs the header X-CSRF-Token with the session\'s CSRF token.' },
  invalid_credentials: { status: 401, summary: 'The login or password is wrong.' },
  account_locked: { status: 423, summary: 'Too many failed sign-ins for this login: it is locked for a while.' },
  account_disabled: { status: 403, summary: 'This account is deactivated.' },
  weak_password: { status: 400, summary: 'The password does not meet the password rules.' },
  invalid_invite: { status: 400, summary: 'The invite is unknown, already used or expired.' },
  // resources
  not_found: { status: 404, summary: 'No such resource.' },
  route_not_found: { status: 404, summary: 'No such route.' },
  conflict: { status: 409, summary: 'The request conflicts with the current state.' },
  invalid_policy: { status: 422, summary: 'The policy document is not valid.' },
  invalid_lexicon: { status: 422, summary: 'The lexicon is not valid.' },
  invalid_state: { status: 409, summary: 'The operation is not allowed in the current state.' },
  // review
  case_claimed: { status: 409, summary: 'Someone else holds this case’s claim.' },
  case_not_claimed: { status: 409, summary: 'Claim the case first: only the holder of its claim works it.' },
  case_closed: { status: 409, summary: 'The case is already decided.' },
  case_pending_confirmation: { status: 409, summary: 'The case’s removal waits for a second senior moderator to confirm or reject it.' },
  second_moderator_required: { status: 403, summary: 'A four-eyes removal is confirmed or rejected by a different senior moderator than the one who proposed it.' },
  // reports, appeals
  content_unreachable: { status: 422, summary: 'The reported content is not known to Saring, and the report does not carry enough to store it (the platform\'s externalId with texts or media).' },
  reporter_identity_required: { status: 422, summary: 'A report needs the reporter\'s identity (name, contact or the platform\'s id for them): the operator does not take anonymous reports.' },
  appeal_not_available: { status: 422, summary: 'This decision cannot be appealed (it took no action against the content, a later decision replaced it, or it carried out an authority\'s order).' },
  appeal_window_closed: { status: 422, summary: 'The appeal window of this decision has ended.' },
  appeal_exists: { status: 409, summary: 'This decision has already been appealed.' },
  appeal_closed: { status: 409, summary: 'The appeal is already decided.' },
  appeal_same_moderator: { status: 403, summary: 'An appeal is decided by someone other than the moderator who took the decision appealed against.' },
  // regulator orders
  organisation_required: { status: 422, summary: 'Orders are sent as an organisation: this person or key belongs to none.' },
  unknown_category: { status: 422, summary: 'The category is not one Saring knows.' },
  invalid_target: { status: 422, summary: 'A target is exactly one of { url } (http or https), { contentId } (a uuid) or { externalId }; at least one is needed.' },
  duplicate_target: { status: 422, summary: 'The same target is named twice.' },
  too_many_targets: { status: 422, summary: 'Too many targets in one request.' },
  time_in_future: { status: 422, summary: 'A time given is in the future (check the sender\'s clock).' },
  warning_out_of_order: { status: 409, summary: 'Warning letters come in order: ST2 needs ST1 recorded, ST3 needs ST2; a commitment letter answers a recorded ST2.' },
  invalid_amount: { status: 422, summary: 'An amount (a fine in rupiah) is a whole number more than 0.' },
  invalid_orders: { status: 422, summary: 'Rows of the order file break the rules (details.rows: each problem\'s row, column, code and message): nothing was imported.' },
  invalid_order_file: { status: 422, summary: 'The order file is not a readable CSV or XLSX: corrupt, truncated, no worksheet or header row, a quote left open, or an old .xls.' },
  order_file_too_large: { status: 413, summary: 'The order file is over a limit: its size, what an XLSX entry inflates to (a decompression bomb), or its number of rows.' },
  // transparency report
  invalid_period: { status: 422, summary: 'A report period runs from a day to the same or a later day, at most 366 days, and does not start in the future.' },
  // youth: ages
  invalid_age: { status: 422, summary: 'An age is a whole number from 0 to 130; a date of birth is a real calendar date (YYYY-MM-DD), not in the future and at most 130 years ago; an age range runs from a lower to a higher age.' },
  age_conflict: { status: 409, summary: 'The age given contradicts the account\'s age of higher assurance (verified or estimated): nothing was stored. Ask for a correction (POST /v1/accounts/{id}/age/corrections) instead.' },
  age_case_open: { status: 409, summary: 'The account already has an open age review: it is decided before another correction is asked for.' },
  // educational programme (youth/programme/)
  unknown_content: { status: 422, summary: 'No content is known by this id or the platform\'s id.' },
  content_not_eligible: { status: 422, summary: 'The content cannot be nominated for the educational programme now: it is removed, held, restricted or in review.' },
  already_nominated: { status: 409, summary: 'This content is already nominated (pending) or in the catalogue for this age band.' },
  nomination_decided: { status: 409, summary: 'The nomination has already been approved or rejected.' },
  own_nomination: { status: 403, summary: 'No one approves or rejects their own nomination.' },
  second_organisation_required: { status: 403, summary: 'The policy (youth.programme.secondOrganisation) requires a nomination to be approved by a partner of another organisation than the one that nominated it.' },
  // youth: the under-16 deactivation programme and the risk self-assessment
  incomplete_risk_assessment: { status: 422, summary: 'A risk self-assessment covers all seven PP Tunas aspects: content, contact, exploitation, personal_data, addiction, mental_health, physical_health.' },
  invalid_risk_level: { status: 422, summary: 'A risk level is low, medium, high or very_high.' },
  // sweeps
  sweep_conflict: { status: 409, summary: 'Another sweep is active that this one would clash with (one apply sweep at a time; no two identical backtests): wait for it, or pause or cancel it.' },
  // bulk import (saring import, POST /v1/content/batch)
  invalid_import_file: { status: 422, summary: 'The import file cannot be imported: it is empty, has no header row, or its columns do not map onto content fields (the message names the columns): nothing was imported.' },
  line_too_long: { status: 413, summary: 'A line (record) of the import file is over the length limit: it is rejected, the import goes on.' },
  partial_line: { status: 422, summary: 'The import file ends in the middle of a record (no line end, or a quoted CSV field left open): the partial record is rejected.' },
  duplicate_external_id: { status: 409, summary: 'The same externalId came earlier in this import run or batch with different content: the later one is not stored.' },
  // storage and runtime
  data_dir_locked: { status: 503, summary: 'The data directory is owned by another process.' },
  rate_limited: { status: 429, summary: 'Too many requests.' },
  port_in_use: { status: 503, summary: 'The port to listen on is already in use.' },
  internal: { status: 500, summary: 'Internal error.' },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class SaringError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CATALOGUE[code].summary);
    this.name = 'SaringError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export function isSaringError(err: unknown): err is SaringError {
  return err instanceof SaringError;
}

export function notFound(what: string, id: string): SaringError {
  return new SaringError('not_found', `${what} ${id} does not exist.`);
}
