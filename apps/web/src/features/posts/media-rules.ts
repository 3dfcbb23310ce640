/** The media part of a network manifest, as GET /networks sends it. */
export interface MediaRule {
  kind: 'image' | 'video' | 'gif';
  mimeTypes: string[];
  maxBytes: number;
  minWidth?: number;
  maxWidth?: number;
  maxHeight?: number;
  minAspectRatio?: number;
  maxAspectRatio?: number;
  minDurationSec?: number;
  maxDurationSec?: number;
}

export interface MediaCapabilities {
  rules: MediaRule[];
  maxItems: number;
  mixedKinds: boolean;
  required: boolean;
  altText: { supported: boolean; maxLength?: number };
}

/** What the composer knows about one attached file before and after upload. */
export interface MediaFacts {
  name: string;
  mimeType: string;
  bytes: number;
  width?: number | undefined;
  height?: number | undefined;
  durationSec?: number | undefined;
}

function isCapabilities(value: unknown): value is MediaCapabilities {
  return typeof value === 'object' && value !== null && Array.isArray((value as { rules?: unknown }).rules);
}

/** The manifest's media capabilities, or null when the server sent something else. */
export function mediaCapabilities(media: unknown): MediaCapabilities | null {
  return isCapabilities(media) ? media : null;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Problems of one file against one rule, in words (size, dimensions, duration). */
function ruleProblems(file: MediaFacts, rule: MediaRule, networkName: string): string[] {
  const problems: string[] = [];
  const what = `${file.name} on ${networkName}`;
  if (file.bytes > rule.maxBytes) problems.push(`${what}: ${megabytes(file.bytes)} is over the ${megabytes(rule.maxBytes)} limit.`);
  if (file.width !== undefined && rule.minWidth !== undefined && file.width < rule.minWidth) problems.push(`${what}: at least ${rule.minWidth} pixels wide.`);
  if (file.width !== undefined && rule.maxWidth !== undefined && file.width > rule.maxWidth) problems.push(`${what}: at most ${rule.maxWidth} pixels wide.`);
  if (file.height !== undefined && rule.maxHeight !== undefined && file.height > rule.maxHeight) problems.push(`${what}: at most ${rule.maxHeight} pixels high.`);
  if (file.width !== undefined && file.height !== undefined && file.height > 0) {
    const ratio = file.width / file.height;
    if ((rule.minAspectRatio !== undefined && ratio < rule.minAspectRatio) || (rule.maxAspectRatio !== undefined && ratio > rule.maxAspectRatio)) {
      problems.push(`${what}: the width ÷ height ratio ${ratio.toFixed(2)} is not accepted.`);
    }
  }
  if (file.durationSec !== undefined && rule.maxDurationSec !== undefined && file.durationSec > rule.maxDurationSec) problems.push(`${what}: at most ${rule.maxDurationSec} seconds long.`);
  if (file.durationSec !== undefined && rule.minDurationSec !== undefined && file.durationSec < rule.minDurationSec) problems.push(`${what}: at least ${rule.minDurationSec} seconds long.`);
  return problems;
}

/**
 * Checks attached files against one network's manifest: accepted types, sizes, count and mixing.
 * @example mediaProblems([{ name: 'a.bmp', mimeType: 'image/bmp', bytes: 10 }], caps, 'Mastodon')
 *   // ['a.bmp on Mastodon: image/bmp files are not accepted.']
 */
export function mediaProblems(files: readonly MediaFacts[], capabilities: MediaCapabilities, networkName: string): string[] {
  const problems: string[] = [];
  if (files.length === 0) return capabilities.required ? [`${networkName} needs at least one image or video.`] : [];
  if (capabilities.maxItems === 0) return [`${networkName} publishes text only; remove the media for it.`];
  if (files.length > capabilities.maxItems) problems.push(`${networkName} takes at most ${capabilities.maxItems} media per post.`);
  const kinds = new Set<string>();
  for (const file of files) {
    const rule = capabilities.rules.find((candidate) => candidate.mimeTypes.includes(file.mimeType));
    if (rule === undefined) {
      problems.push(`${file.name} on ${networkName}: ${file.mimeType || 'this type of'} files are not accepted.`);
      continue;
    }
    kinds.add(rule.kind === 'gif' ? 'image' : rule.kind);
    problems.push(...ruleProblems(file, rule, networkName));
  }
  if (!capabilities.mixedKinds && kinds.size > 1) problems.push(`${networkName} does not mix images and videos in one post.`);
  return problems;
}
