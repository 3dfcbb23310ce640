/**
 * Builds the `video` resource sent when the upload session starts: snippet (title, description, tags,
 * category) and status (privacy, made for kids, altered or synthetic media). The post text is the
 * description; without an explicit title its first line becomes the title.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/videos#resource
 */
import type { PublishMedia, PublishRequest } from '../../contract.ts';
import { countText } from '../../text/count-text.ts';
import { truncateToLimit } from '../../text/fit-text.ts';
import { SHORT_MAX_DURATION_SEC, type YoutubeSettings } from '../manifest.ts';

export const TITLE_MAX_CHARS = 100;
export const DESCRIPTION_MAX_BYTES = 5000;
export const TAGS_MAX_CHARS = 500;
const SHORTS_TAG = '#Shorts';

export interface VideoResource {
  snippet: { title: string; description: string; tags?: string[]; categoryId: string };
  status: { privacyStatus: string; selfDeclaredMadeForKids: boolean; containsSyntheticMedia?: boolean };
}

/** The title YouTube will get: the explicit one, else the first line of the text (shortened to fit). */
export function effectiveTitle(request: PublishRequest): string {
  const explicit = request.title?.trim() ?? '';
  if (explicit.length > 0) return explicit;
  const firstLine = request.parts[0].text.trim().split('\n', 1)[0]?.trim() ?? '';
  // YouTube counts characters; UTF-16 units never undercount them.
  return truncateToLimit(firstLine, { max: TITLE_MAX_CHARS, method: { kind: 'utf16_units' } });
}

/** True when YouTube will file the video as a Short: up to 3 minutes and square or vertical. */
export function isShortEligible(video: PublishMedia): boolean {
  const shortEnough = video.durationSec === undefined || video.durationSec <= SHORT_MAX_DURATION_SEC;
  const notLandscape = video.width === undefined || video.height === undefined || video.width <= video.height;
  return shortEnough && notLandscape;
}

/**
 * YouTube's tag budget: tag lengths, plus a comma between tags, plus two quotes around a tag with a space.
 * @example tagsLength(['a b', 'c']) // 7
 */
export function tagsLength(tags: readonly string[]): number {
  const own = tags.reduce((sum, tag) => sum + tag.length + (tag.includes(' ') ? 2 : 0), 0);
  return own + Math.max(0, tags.length - 1);
}

/** The resource for `videos.insert`. */
export function buildVideoResource(
  request: PublishRequest,
  settings: YoutubeSettings,
  video: PublishMedia,
): VideoResource {
  const title = effectiveTitle(request);
  const description = describe(request.parts[0].text.trim(), title, settings.short);
  const snippet: VideoResource['snippet'] = { title, description, categoryId: settings.category_id };
  if (settings.tags.length > 0) snippet.tags = [...settings.tags];
  const status: VideoResource['status'] = {
    privacyStatus: settings.privacy,
    selfDeclaredMadeForKids: settings.made_for_kids,
  };
  // YouTube's altered-or-synthetic-content disclosure.
  if (video.aiGenerated) status.containsSyntheticMedia = true;
  return { snippet, status };
}

/** Adds #Shorts for a Short unless the title or text already has it, and only if it still fits. */
function describe(text: string, title: string, short: boolean): string {
  if (!short || /#shorts\b/i.test(`${title}\n${text}`)) return text;
  const withTag = text.length === 0 ? SHORTS_TAG : `${text}\n\n${SHORTS_TAG}`;
  return countText(withTag, { kind: 'utf8_bytes' }) <= DESCRIPTION_MAX_BYTES ? withTag : text;
}
