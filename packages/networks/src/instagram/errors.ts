/**
 * Instagram failures: the shared Graph mapping plus Instagram's media subcodes (2207xxx) in plain
 * words, and the legacy body of api.instagram.com (`{error_type, code, error_message}`) for the code
 * exchange.
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 */
import type { FailureMapping } from '../shared/network-call.ts';
import { describeGraphError, graphFailureMapping, type GraphError } from '../facebook/graph-errors.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

/** Media subcodes whose retry may succeed (server trouble, slow download, expired container). */
const RETRY_SUBCODES = new Set([2207001, 2207003, 2207008, 2207020, 2207027, 2207032, 2207053]);

const PLAIN: Record<number, string> = {
  2207004: 'The image is too large for Instagram (8 MB at most).',
  2207005: 'Instagram accepts JPEG images only.',
  2207006: 'Instagram could not find the media, or this account may not post it.',
  2207009: 'Instagram needs an aspect ratio between 4:5 and 1.91:1 for images.',
  2207010: 'The caption is too long for Instagram (2,200 characters, 30 hashtags and 20 @mentions at most).',
  2207023: 'Instagram does not know this media type.',
  2207026: 'Instagram does not accept this video format; use MP4 or MOV (H.264, AAC).',
  2207028: 'Instagram could not build the carousel; it needs 2 to 10 items.',
  2207050: 'Instagram has restricted this account; open the Instagram app to check it.',
  2207051: 'Instagram blocked this action as possible spam; wait a while, or post it in the app.',
  2207052: 'Instagram could not download the media; check that PUBLIC_URL is reachable from the internet.',
};

/** Instagram's subcodes first, then the shared Graph table. */
function describeInstagram(error: GraphError): Described {
  const subcode = error.subcode;
  if (subcode === undefined) return undefined;
  // The content publishing limit (100 posts in a moving 24 hours).
  if (subcode === 2207042)
    return {
      message: "This account reached Instagram's limit of API-published posts for the last 24 hours.",
      kind: 'rate',
    };
  if (RETRY_SUBCODES.has(subcode))
    return { ...(error.message === undefined ? {} : { message: error.message }), kind: 'retry' };
  const plain = PLAIN[subcode];
  return plain === undefined ? undefined : { message: plain, kind: 'permanent' };
}

/** Failure mapping for graph.instagram.com calls. */
export const instagramFailure: FailureMapping = graphFailureMapping(describeInstagram);

/** Failure mapping for api.instagram.com (code exchange), which answers `{error_type, code, error_message}`. */
export const instagramTokenFailure: FailureMapping = {
  describe(body) {
    if (body !== null && typeof body === 'object' && 'error_message' in body) {
      const record = body as Record<string, unknown>;
      const message = typeof record['error_message'] === 'string' ? record['error_message'] : undefined;
      const type = typeof record['error_type'] === 'string' ? record['error_type'] : undefined;
      return { ...(message === undefined ? {} : { message }), ...(type === undefined ? {} : { code: type }) };
    }
    return describeGraphError(body, describeInstagram);
  },
};
