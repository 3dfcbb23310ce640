/**
 * Media checked against a network's manifest, the same way in the composer (before upload) and on the
 * server (before a post may be submitted or scheduled): count, mixing, accepted types, size, duration,
 * dimensions, aspect ratio (with a 0.01 tolerance, so 1.91:1 crops of 1200×628 pass) and alt text.
 */
import type { MediaKind } from '../networks/network-enums.ts';
import type { MediaCapabilities, MediaRule } from '../networks/network-schemas.ts';

/** What is known of one media item; the kind follows from the MIME type when not given. */
export type MediaItem = {
  mimeType: string;
  bytes: number;
  kind?: MediaKind | undefined;
  width?: number | null | undefined;
  height?: number | null | undefined;
  durationSec?: number | null | undefined;
  altText?: string | null | undefined;
};

/** A problem in plain words; `item` is the position of the item at fault, absent for the list as a whole. */
export type MediaProblem = { item?: number; message: string };

/** Capabilities as a manifest declares them (readonly lists are fine). */
export type MediaCapabilitiesLike = Pick<MediaCapabilities, 'maxItems' | 'mixedKinds' | 'required'> & {
  rules: readonly Readonly<MediaRule>[];
  altText: { supported: boolean; maxLength?: number | undefined };
};

export const ASPECT_RATIO_TOLERANCE = 0.01;

/** @example mediaKindOf('image/gif') // 'gif' */
export function mediaKindOf(mimeType: string): MediaKind {
  if (mimeType === 'image/gif') return 'gif';
  return mimeType.startsWith('video/') ? 'video' : 'image';
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
const present = (value: number | null | undefined): value is number => value !== undefined && value !== null;

function ruleProblems(network: string, rule: Readonly<MediaRule>, item: MediaItem): string[] {
  const problems: string[] = [];
  if (!rule.mimeTypes.includes(item.mimeType))
    problems.push(
      `${network} takes ${rule.mimeTypes.join(', ')} for ${rule.kind}s, not ${item.mimeType || 'this type of file'}.`,
    );
  if (item.bytes > rule.maxBytes)
    problems.push(`The file is ${megabytes(item.bytes)}; ${network} allows ${megabytes(rule.maxBytes)}.`);
  const duration = item.durationSec;
  if (present(duration) && present(rule.maxDurationSec) && duration > rule.maxDurationSec)
    problems.push(`The video is ${Math.round(duration)} s long; ${network} allows ${rule.maxDurationSec} s.`);
  if (present(duration) && present(rule.minDurationSec) && duration < rule.minDurationSec)
    problems.push(`The video is ${Math.round(duration)} s long; ${network} needs at least ${rule.minDurationSec} s.`);
  const { width, height } = item;
  if (!present(width) || !present(height) || height <= 0) return problems;
  const ratio = width / height;
  const tooNarrow = present(rule.minAspectRatio) && ratio < rule.minAspectRatio - ASPECT_RATIO_TOLERANCE;
  const tooWide = present(rule.maxAspectRatio) && ratio > rule.maxAspectRatio + ASPECT_RATIO_TOLERANCE;
  if (tooNarrow || tooWide)
    problems.push(
      `The ${width}×${height} shape does not fit ${network} (aspect ratio ${rule.minAspectRatio ?? 0}–${rule.maxAspectRatio ?? '∞'}).`,
    );
  if (present(rule.maxWidth) && width > rule.maxWidth)
    problems.push(`${network} allows images up to ${rule.maxWidth} px wide.`);
  if (present(rule.maxHeight) && height > rule.maxHeight)
    problems.push(`${network} allows images up to ${rule.maxHeight} px high.`);
  if (present(rule.minWidth) && width < rule.minWidth)
    problems.push(`${network} needs images at least ${rule.minWidth} px wide.`);
  return problems;
}

/**
 * Checks the media of one post (or one thread part) against a network.
 * @param requireMedia whether an empty list is a problem (the manifest's `required`, for the post itself)
 * @example checkMedia([{ mimeType: 'image/bmp', bytes: 10 }], mastodon.media, 'Mastodon')
 *   // [{ item: 0, message: 'Mastodon takes image/png, … for images, not image/bmp.' }]
 */
export function checkMedia(
  items: readonly MediaItem[],
  media: MediaCapabilitiesLike,
  network: string,
  requireMedia = media.required,
): MediaProblem[] {
  if (items.length === 0) return requireMedia ? [{ message: `${network} needs at least one image or video.` }] : [];
  const problems: MediaProblem[] = [];
  if (items.length > media.maxItems) {
    problems.push({
      message:
        media.maxItems === 0
          ? `${network} posts cannot carry media.`
          : `${network} takes at most ${media.maxItems} media items per post.`,
    });
  }
  const kinds = items.map((item) => item.kind ?? mediaKindOf(item.mimeType));
  if (!media.mixedKinds && new Set(kinds.map((kind) => (kind === 'video' ? 'video' : 'image'))).size > 1) {
    problems.push({ message: `${network} cannot mix images and videos in one post.` });
  }
  items.forEach((item, position) => {
    const kind = kinds[position]!;
    const rule = media.rules.find((candidate) => candidate.kind === kind);
    if (rule === undefined) {
      problems.push({ item: position, message: `${network} does not take ${kind === 'gif' ? 'GIFs' : `${kind}s`}.` });
      return;
    }
    for (const message of ruleProblems(network, rule, item)) problems.push({ item: position, message });
    const altMax = media.altText.maxLength;
    const alt = item.altText;
    if (present(altMax) && typeof alt === 'string' && alt.length > altMax)
      problems.push({ item: position, message: `Alt text is ${alt.length} characters; ${network} allows ${altMax}.` });
  });
  return problems;
}
