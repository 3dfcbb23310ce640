/**
 * Whether a video can go to a network as it is, and if not, what Plume makes of it before publishing
 * (a rendition): H.264 + AAC in an MP4, scaled and padded to a shape the network takes, under its size
 * limit, and cut to its longest length only when the person allowed trimming. Pure, so the server's
 * checks, the publishing engine and the composer agree.
 */
import type { MediaRule } from '../networks/network-schemas.ts';

export const RENDITION_MIME_TYPE = 'video/mp4';
/**
 * Codecs a network taking the container takes: H.264/AAC in MP4 and MOV (the one pair every network
 * documents), VP8/VP9 with Opus/Vorbis in WebM. Anything else is re-encoded.
 */
const CONFORMING_CODECS: Record<string, { video: readonly string[]; audio: readonly string[] }> = {
  'video/mp4': { video: ['h264'], audio: ['aac'] },
  'video/quicktime': { video: ['h264'], audio: ['aac'] },
  'video/x-m4v': { video: ['h264'], audio: ['aac'] },
  'video/webm': { video: ['vp8', 'vp9'], audio: ['opus', 'vorbis'] },
};
/** Renditions are at most this many pixels on their long side (1080p). */
export const RENDITION_MAX_LONG_SIDE = 1920;

const TOLERANCE = 0.01;
const TRIM_MARGIN_SEC = 0.1;

export type VideoFacts = {
  mimeType: string;
  bytes: number;
  width?: number | null | undefined;
  height?: number | null | undefined;
  durationSec?: number | null | undefined;
  videoCodec?: string | null | undefined;
  audioCodec?: string | null | undefined;
};

export type VideoRuleLike = Pick<
  MediaRule,
  'mimeTypes' | 'maxBytes' | 'minDurationSec' | 'maxDurationSec' | 'minAspectRatio' | 'maxAspectRatio'
> &
  Partial<Pick<MediaRule, 'minWidth' | 'maxWidth' | 'maxHeight'>>;

const known = (value: number | null | undefined): value is number => typeof value === 'number' && value > 0;

function shapeOutOfRange(facts: VideoFacts, rule: VideoRuleLike): boolean {
  if (!known(facts.width) || !known(facts.height)) return false;
  const ratio = facts.width / facts.height;
  if (rule.minAspectRatio !== undefined && ratio < rule.minAspectRatio - TOLERANCE) return true;
  if (rule.maxAspectRatio !== undefined && ratio > rule.maxAspectRatio + TOLERANCE) return true;
  if (rule.maxWidth !== undefined && facts.width > rule.maxWidth) return true;
  if (rule.maxHeight !== undefined && facts.height > rule.maxHeight) return true;
  return rule.minWidth !== undefined && facts.width < rule.minWidth;
}

/**
 * Why a video needs a rendition for this rule, in plain words; empty when it can be sent as it is.
 * @example renditionReasons({ mimeType: 'video/webm', bytes: 1e6, videoCodec: 'vp9' }, instagramVideo)
 *   // ['the network does not take video/webm', 'the network does not take vp9 video']
 */
export function renditionReasons(facts: VideoFacts, rule: VideoRuleLike): string[] {
  const reasons: string[] = [];
  if (!rule.mimeTypes.includes(facts.mimeType)) reasons.push(`the network does not take ${facts.mimeType}`);
  const codecs = CONFORMING_CODECS[facts.mimeType] ?? { video: [], audio: [] };
  if (facts.videoCodec && !codecs.video.includes(facts.videoCodec))
    reasons.push(`the network does not take ${facts.videoCodec} video in ${facts.mimeType}`);
  if (facts.audioCodec && !codecs.audio.includes(facts.audioCodec))
    reasons.push(`the network does not take ${facts.audioCodec} sound in ${facts.mimeType}`);
  if (facts.bytes > rule.maxBytes) reasons.push('the file is too big');
  if (known(facts.durationSec) && rule.maxDurationSec !== undefined && facts.durationSec > rule.maxDurationSec)
    reasons.push('the video is too long');
  if (shapeOutOfRange(facts, rule)) reasons.push('its shape or size is outside what the network takes');
  return reasons;
}

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

/**
 * The picture size of a rendition: the nearest shape the rule allows, large enough to hold the source
 * at its own size (the rest padded), then brought within 1080p and the rule's pixel limits.
 * @example renditionSize({ width: 1920, height: 1080 }, { minAspectRatio: 0.5625, maxAspectRatio: 0.5625, … })
 *   // { width: 1080, height: 1920 }
 */
export function renditionSize(
  source: { width: number; height: number },
  rule: VideoRuleLike,
): { width: number; height: number } {
  const ratio = source.width / source.height;
  const target = Math.min(rule.maxAspectRatio ?? Infinity, Math.max(rule.minAspectRatio ?? 0, ratio));
  const width = target < ratio ? source.width : source.height * target;
  const height = target < ratio ? source.width / target : source.height;
  const shrink = Math.min(
    1,
    RENDITION_MAX_LONG_SIDE / Math.max(width, height),
    (rule.maxWidth ?? Infinity) / width,
    (rule.maxHeight ?? Infinity) / height,
  );
  const grow = Math.max(1, (rule.minWidth ?? 0) / width);
  const factor = shrink < 1 ? shrink : grow;
  return { width: even(width * factor), height: even(height * factor) };
}

export type RenditionPlan = {
  width: number | null;
  height: number | null;
  /** Cut to this length (seconds), only when trimming is allowed. */
  trimToSec: number | null;
  maxBytes: number;
  /** Identifies the rendition: the same plan for the same source reuses the file made before. */
  key: string;
};

/** What Plume makes for this rule (sizes unknown until probed stay null). */
export function renditionPlan(facts: VideoFacts, rule: VideoRuleLike, allowTrim: boolean): RenditionPlan {
  const size =
    known(facts.width) && known(facts.height)
      ? renditionSize({ width: facts.width, height: facts.height }, rule)
      : { width: null, height: null };
  const tooLong =
    known(facts.durationSec) && rule.maxDurationSec !== undefined && facts.durationSec > rule.maxDurationSec;
  // A tenth of a second under the limit: the last audio frame rounds the file's length up.
  const trimToSec =
    allowTrim && tooLong && rule.maxDurationSec !== undefined ? rule.maxDurationSec - TRIM_MARGIN_SEC : null;
  const key = `mp4-h264-aac:${size.width ?? 'auto'}x${size.height ?? 'auto'}:${trimToSec ?? 'full'}:${rule.maxBytes}`;
  return { ...size, trimToSec, maxBytes: rule.maxBytes, key };
}

/**
 * The video as it will be published to this rule: itself when it conforms, else its rendition's facts
 * (MP4, H.264/AAC, the planned size, trimmed only when allowed). Checking these instead of the upload
 * leaves only what no rendition can fix: too long without trimming, too short.
 */
export function asPublished(facts: VideoFacts, rule: VideoRuleLike, allowTrim: boolean): VideoFacts {
  if (renditionReasons(facts, rule).length === 0) return facts;
  const plan = renditionPlan(facts, rule, allowTrim);
  return {
    mimeType: RENDITION_MIME_TYPE,
    bytes: Math.min(facts.bytes, plan.maxBytes),
    width: plan.width,
    height: plan.height,
    durationSec: plan.trimToSec ?? facts.durationSec,
    videoCodec: 'h264',
    audioCodec: 'aac',
  };
}
