/**
 * TikTok's error bodies in plain words. API v2 answers `{ data, error: { code, message, log_id } }`
 * with `code: "ok"` on success (developers.tiktok.com/doc/tiktok-api-v2-error-handling); the posting
 * endpoints add their own codes (content-posting-api-reference-direct-post) and failed posts carry a
 * `fail_reason` (content-posting-api-reference-get-video-status).
 */
import type { FailureMapping } from '../shared/network-call.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';

type Described = NonNullable<ReturnType<NonNullable<FailureMapping['describe']>>>;

const PRIVATE_ONLY =
  'This server\'s TikTok app has not passed TikTok\'s audit yet, so it can only post to private accounts with privacy "Only me". Choose that privacy level, or ask the admin to submit the app for review.';

/** Vendor codes whose meaning we know, with what to tell the user. */
const CODES: Readonly<Record<string, { kind: Described['kind']; message?: string }>> = {
  access_token_invalid: { kind: 'auth' },
  rate_limit_exceeded: { kind: 'rate' },
  internal_error: { kind: 'retry' },
  scope_not_authorized: {
    kind: 'permanent',
    message:
      'The TikTok account did not give Plume permission for this. Reconnect it and allow every permission Plume asks for.',
  },
  scope_permission_missed: {
    kind: 'permanent',
    message:
      "This server's TikTok app is not approved for the permission this needs (Content Posting API). Ask the admin to add it in the TikTok developer portal.",
  },
  spam_risk_too_many_posts: {
    kind: 'permanent',
    message: 'This TikTok account reached its daily posting limit. Try again tomorrow.',
  },
  spam_risk_user_banned_from_posting: { kind: 'permanent', message: 'TikTok has blocked this account from posting.' },
  reached_active_user_cap: {
    kind: 'permanent',
    message:
      "This server's TikTok app reached TikTok's daily limit of accounts that may post through it. Try again tomorrow.",
  },
  unaudited_client_can_only_post_to_private_accounts: { kind: 'permanent', message: PRIVATE_ONLY },
  url_ownership_unverified: {
    kind: 'permanent',
    message:
      "TikTok only fetches media from a domain verified for this server's TikTok app. Verify the domain in the TikTok developer portal, or upload videos as files.",
  },
  privacy_level_option_mismatch: {
    kind: 'permanent',
    message:
      'The chosen privacy level is not available for this TikTok account. Pick one of the levels TikTok offers for it.',
  },
};

/** Reads `{ error: { code, message } }` (API) or `{ error, error_description }` (OAuth). */
export function describeTikTokError(body: unknown): Described | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const error = (body as Record<string, unknown>)['error'];
  if (typeof error === 'string') {
    const description = (body as Record<string, unknown>)['error_description'];
    return { code: error, message: typeof description === 'string' && description.length > 0 ? description : error };
  }
  if (error === null || typeof error !== 'object') return undefined;
  const record = error as Record<string, unknown>;
  const code = typeof record['code'] === 'string' ? record['code'] : undefined;
  const vendorMessage =
    typeof record['message'] === 'string' && record['message'].length > 0 ? record['message'] : undefined;
  if (code === undefined) return vendorMessage === undefined ? undefined : { message: vendorMessage };
  const known = CODES[code];
  const message = known?.message ?? vendorMessage ?? code;
  return known?.kind === undefined ? { code, message } : { code, message, kind: known.kind };
}

/** The shared failure mapping for every TikTok API call. */
export const tiktokFailureMapping: FailureMapping = { describe: (body) => describeTikTokError(body) };

/**
 * The typed error for an error envelope that came with a 2xx status (TikTok sometimes answers 200
 * with a non-`ok` code).
 */
export function errorFromEnvelope(
  described: Described,
  what: string,
): AuthExpired | RateLimited | Retryable | Permanent {
  const detail = described.message === undefined ? '' : `: ${described.message}`;
  switch (described.kind) {
    case 'auth':
      return new AuthExpired(`TikTok rejected the access token while trying to ${what}${detail}`);
    case 'rate':
      return new RateLimited(60_000, 'account');
    case 'retry':
      return new Retryable(`TikTok had a temporary problem while trying to ${what}${detail}`);
    default:
      return new Permanent(
        `TikTok refused to ${what}${detail}`,
        described.code === undefined ? {} : { vendorCode: described.code },
      );
  }
}

/** `fail_reason` of a FAILED post, in plain words. */
const FAIL_REASONS: Readonly<Record<string, string>> = {
  file_format_check_failed: 'TikTok cannot read this file format. Use an MP4 (H.264) video, or JPEG/WebP photos.',
  duration_check_failed: 'The video is too short or too long for this TikTok account.',
  frame_rate_check_failed: 'TikTok needs a frame rate between 23 and 60 frames per second.',
  picture_size_check_failed:
    'The picture size does not fit TikTok (at least 360 px, at most 4096 px on each side; photos at most 1080p).',
  internal: 'TikTok had an internal problem processing the post. Try again later.',
  video_pull_failed:
    "TikTok could not download the video from this server. Check that the server's public URL is reachable and verified with TikTok.",
  photo_pull_failed:
    "TikTok could not download the photos from this server. Check that the server's public URL is reachable and verified with TikTok.",
  publish_cancelled: 'The post was cancelled before TikTok published it.',
  auth_removed: 'The TikTok account removed Plume’s access. Reconnect it.',
  spam_risk_too_many_posts: 'This TikTok account reached its daily posting limit. Try again tomorrow.',
  spam_risk_user_banned_from_posting: 'TikTok has blocked this account from posting.',
  spam_risk_text: 'TikTok flagged the caption as spam.',
  spam_risk: 'TikTok flagged the post as spam.',
};

/** The plain-words reason a post failed, keeping TikTok's own word for anything unknown. */
export function failReasonMessage(reason: string | undefined): string {
  if (reason === undefined || reason.length === 0) return 'TikTok could not publish the post and gave no reason.';
  return FAIL_REASONS[reason] ?? `TikTok could not publish the post (${reason}).`;
}
