/**
 * Parses `Retry-After` (RFC 9110 §10.2.3), so rate-limited calls wait exactly as long as the
 * server asked, or hand the delay to a scheduler when it is too long to wait in-process.
 */

/** Matches the three HTTP-date forms, which all spell the month and day in letters. */
const LOOKS_LIKE_HTTP_DATE = /[a-z]{3}/i;

/**
 * Returns the delay in milliseconds, or undefined when the header is absent or malformed.
 * Dates in the past give 0.
 * @example parseRetryAfter('120') // 120000
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now) // ms until then
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!LOOKS_LIKE_HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
