/**
 * Meta Graph API errors → typed provider errors, shared by Facebook and Instagram (same body shape:
 * `{error: {message, type, code, error_subcode, is_transient, fbtrace_id}}`). Graph sends most of
 * them with HTTP 400, so the code decides: 190 is an expired or revoked token, 4/17/32/613/80001–80014
 * are throttles, 1/2 are temporary, 10/200–299/368 are refusals.
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 */
import { z } from 'zod';
import type { FailureMapping } from '../shared/network-call.ts';

const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().optional(),
    error_subcode: z.coerce.number().optional(),
    error_user_msg: z.string().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/** The fields of a Graph error we act on. */
export interface GraphError {
  code: number | undefined;
  subcode: number | undefined;
  message: string | undefined;
  type: string | undefined;
  transient: boolean;
}

/** Reads a Graph error body, or undefined when the body is something else. */
export function readGraphError(body: unknown): GraphError | undefined {
  const parsed = graphErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { error } = parsed.data;
  return {
    code: error.code,
    subcode: error.error_subcode,
    message: error.error_user_msg ?? error.message,
    type: error.type,
    transient: error.is_transient ?? false,
  };
}

/** Throttle codes that stop the whole app rather than one Page or account. */
const APP_THROTTLES = new Set([4]);
const ACCOUNT_THROTTLES = new Set([17, 32, 613]);

/** True for Graph's throttle codes (app, user, Page, and business use case 80001–80014). */
export function isThrottle(code: number | undefined): boolean {
  if (code === undefined) return false;
  return APP_THROTTLES.has(code) || ACCOUNT_THROTTLES.has(code) || (code >= 80_001 && code <= 80_014);
}

/** Plain words for the refusals users meet most. */
const REFUSALS: Record<number, string> = {
  10: 'Meta did not allow this app to do that. Reconnect and grant every permission; the app may also need Meta App Review for it.',
  200: 'The connection is missing a permission this needs. Reconnect the account and grant every permission asked for.',
  368: 'Meta blocked this action because it looks abusive or against its policies. Wait a while, or post it in the app.',
  506: 'Meta rejected this as a duplicate of a recent post.',
};

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

/**
 * `describe` for Graph error bodies; `extra` lets a network add its own subcode messages
 * (Instagram's 2207xxx media errors).
 */
export function describeGraphError(body: unknown, extra?: (error: GraphError) => Described): Described {
  const error = readGraphError(body);
  if (error === undefined) return undefined;
  const vendorCode = error.subcode === undefined ? `${error.code ?? ''}` : `${error.code ?? ''}/${error.subcode}`;
  const special = extra?.(error);
  if (special !== undefined) return { code: vendorCode, ...special };
  const code = error.code;
  const base = { code: vendorCode, ...(error.message === undefined ? {} : { message: error.message }) };
  if (code === 190 || code === 102) return { ...base, kind: 'auth' };
  if (isThrottle(code)) return { ...base, kind: 'rate' };
  if (code === 1 || code === 2 || error.transient) return { ...base, kind: 'retry' };
  const plain =
    code === undefined ? undefined : (REFUSALS[code] ?? (code > 200 && code < 300 ? REFUSALS[200] : undefined));
  if (plain !== undefined) return { ...base, message: plain, kind: 'permanent' };
  return base;
}

const usageSchema = z.record(z.string(), z.unknown());

/**
 * Minutes until access returns, from `X-Business-Use-Case-Usage` (`{id: [{estimated_time_to_regain_access}]}`)
 * or `X-App-Usage`; the largest wins. Undefined when the headers say nothing useful.
 */
export function graphRateLimitWaitMs(headers: Headers): number | undefined {
  let minutes = 0;
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage']) {
    const raw = headers.get(name);
    if (raw === null) continue;
    try {
      minutes = Math.max(minutes, largestWait(usageSchema.parse(JSON.parse(raw))));
    } catch {
      // malformed usage header; ignore it
    }
  }
  return minutes > 0 ? minutes * 60_000 : undefined;
}

function largestWait(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(largestWait));
  if (value === null || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  const own =
    typeof record['estimated_time_to_regain_access'] === 'number' ? record['estimated_time_to_regain_access'] : 0;
  return Math.max(own, ...Object.values(record).map(largestWait));
}

/** Code 4 throttles the whole app; the others one Page, user or business object. */
export function graphRateLimitScope(_headers: Headers, body: unknown): 'account' | 'app' {
  const code = readGraphError(body)?.code;
  return code !== undefined && APP_THROTTLES.has(code) ? 'app' : 'account';
}

/** The failure mapping for Graph calls; pass `extra` for network-specific subcodes. */
export function graphFailureMapping(extra?: (error: GraphError) => Described): FailureMapping {
  return {
    describe: (body) => describeGraphError(body, extra),
    rateLimitWaitMs: (headers) => graphRateLimitWaitMs(headers),
    rateLimitScope: graphRateLimitScope,
  };
}
