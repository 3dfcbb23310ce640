/**
 * Reads Google API error bodies, shared by YouTube and Google Business Profile. Two shapes exist:
 * the classic `{error:{code,message,errors:[{reason,domain}]}}` (YouTube Data API) and the AIP-193
 * `{error:{code,message,status,details:[{"@type":…ErrorInfo, reason}]}}` (newer APIs). Quota reasons
 * come with 403 on YouTube, so the reason, not the status, decides "rate limited".
 *
 * Docs: https://developers.google.com/youtube/v3/docs/errors, https://cloud.google.com/apis/design/errors
 */

/** What a Google error body says, in the shape `FailureMapping.describe` returns. */
export interface GoogleErrorDescription {
  message?: string;
  code?: string;
  kind?: 'auth' | 'rate' | 'retry' | 'permanent';
}

/** What a network adds to the common reading: its reasons in plain words, reasons that are final whatever the status. */
export interface GoogleVocabulary {
  plainWords?: Readonly<Record<string, string>>;
  /** E.g. YouTube's `youtubeSignupRequired`, sent as 401 but fixed by creating a channel, not by a new token. */
  permanentReasons?: ReadonlySet<string>;
}

/** Daily quotas: nothing works again until Google resets them at midnight Pacific time. */
export const DAILY_QUOTA_REASONS: ReadonlySet<string> = new Set(['quotaExceeded', 'dailyLimitExceeded']);

const RATE_REASONS = new Set([
  ...DAILY_QUOTA_REASONS,
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
  'RESOURCE_EXHAUSTED',
]);
const AUTH_REASONS = new Set(['authError', 'UNAUTHENTICATED', 'ACCESS_TOKEN_EXPIRED', 'CREDENTIALS_MISSING']);
const RETRY_REASONS = new Set(['backendError', 'internalError', 'INTERNAL', 'UNAVAILABLE']);

/** Messages every Google API can produce; networks add their own reasons on top. */
const COMMON_PLAIN_WORDS: Readonly<Record<string, string>> = {
  insufficientPermissions:
    'Plume was not given the permission this needs. Reconnect the account and allow every permission.',
  ACCESS_TOKEN_SCOPE_INSUFFICIENT:
    'Plume was not given the permission this needs. Reconnect the account and allow every permission.',
  accessNotConfigured: "The API is not enabled in this server's Google Cloud project. The server admin must enable it.",
  SERVICE_DISABLED: "The API is not enabled in this server's Google Cloud project. The server admin must enable it.",
  forbidden: 'Google refused access to this account.',
  PERMISSION_DENIED: 'Google refused access to this account.',
};

/** The most specific reason in a Google error body: `errors[0].reason`, then ErrorInfo, then `status`. */
export function googleReason(body: unknown): string | undefined {
  const error = errorObject(body);
  if (error === undefined) return undefined;
  const errors = error['errors'];
  if (Array.isArray(errors)) {
    const reason = stringField(errors[0], 'reason');
    if (reason !== undefined) return reason;
  }
  const details = error['details'];
  if (Array.isArray(details)) {
    for (const detail of details) {
      const reason = stringField(detail, 'reason');
      if (reason !== undefined) return reason;
    }
  }
  return stringField(error, 'status');
}

/**
 * Turns a Google error body into a message, a vendor code and (for reasons whose status misleads) a kind.
 * @example describeGoogleError({ error: { code: 403, message: 'x', errors: [{ reason: 'quotaExceeded' }] } }, {}) // kind 'rate'
 */
export function describeGoogleError(
  body: unknown,
  vocabulary: GoogleVocabulary = {},
): GoogleErrorDescription | undefined {
  const error = errorObject(body);
  if (error === undefined) return undefined;
  const reason = googleReason(body);
  // Business Profile field errors say more than the generic "invalid argument" message.
  const vendorMessage = validationMessage(error) ?? stringField(error, 'message');
  const plain = reason === undefined ? undefined : (vocabulary.plainWords?.[reason] ?? COMMON_PLAIN_WORDS[reason]);
  const description: GoogleErrorDescription = {};
  const message = plain ?? vendorMessage;
  if (message !== undefined) description.message = message;
  if (reason !== undefined) description.code = reason;
  const kind =
    reason === undefined
      ? undefined
      : vocabulary.permanentReasons?.has(reason) === true
        ? 'permanent'
        : kindOfReason(reason);
  if (kind !== undefined) description.kind = kind;
  return description;
}

/** Project-wide quotas throttle every account of the app; `userRateLimitExceeded` only this one. */
export function googleRateLimitScope(body: unknown): 'account' | 'app' {
  return googleReason(body) === 'userRateLimitExceeded' ? 'account' : 'app';
}

function kindOfReason(reason: string): GoogleErrorDescription['kind'] {
  if (RATE_REASONS.has(reason)) return 'rate';
  if (AUTH_REASONS.has(reason)) return 'auth';
  if (RETRY_REASONS.has(reason)) return 'retry';
  return undefined;
}

/** Business Profile v4 puts field problems in `details[].errorDetails[]`. */
function validationMessage(error: Record<string, unknown>): string | undefined {
  const details = error['details'];
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as unknown[]) {
    const items = isRecord(detail) ? detail['errorDetails'] : undefined;
    if (!Array.isArray(items)) continue;
    const first: unknown = items[0];
    const message = stringField(first, 'message');
    const field = stringField(first, 'field');
    if (message !== undefined) return field === undefined ? message : `${field}: ${message}`;
  }
  return undefined;
}

function errorObject(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  const error = body['error'];
  return isRecord(error) ? error : undefined;
}

function stringField(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const pacificClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * Milliseconds from `now` until the next midnight in America/Los_Angeles, when Google resets daily
 * API quotas. Daylight saving time is handled by measuring the zone's offset at the target instant.
 * @example msUntilPacificMidnight(new Date('2026-11-22T07:00:00Z')) // 1 h: it is 23:00 PST
 */
export function msUntilPacificMidnight(now: Date): number {
  const today = pacificWallClock(now);
  const midnightWall = Date.UTC(today.year, today.month - 1, today.day + 1);
  let instant = midnightWall - offsetMs(now);
  instant = midnightWall - offsetMs(new Date(instant));
  return Math.max(0, instant - now.getTime());
}

function pacificWallClock(date: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts = Object.fromEntries(pacificClock.formatToParts(date).map((part) => [part.type, Number(part.value)]));
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Pacific wall-clock time minus UTC at `date`, in ms (−8 h in winter, −7 h in summer). */
function offsetMs(date: Date): number {
  const wall = pacificWallClock(date);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(date.getTime() / 1000) * 1000;
}
