/**
 * YouTube checks the manifest cannot express: one video, a usable title, no `<` or `>` in title or
 * description, the 500-character tag budget, and a Short that YouTube will really treat as one.
 */
import type { PublishRequest } from '../../contract.ts';
import { countText } from '../../text/count-text.ts';
import { youtubeSettings } from '../manifest.ts';
import {
  DESCRIPTION_MAX_BYTES,
  TAGS_MAX_CHARS,
  TITLE_MAX_CHARS,
  effectiveTitle,
  isShortEligible,
  tagsLength,
} from './video-metadata.ts';

type Issue = { path: string; message: string };

/** Problems in plain words; an empty list means YouTube should accept the post. */
export function validateYoutube(request: PublishRequest): Issue[] {
  const issues: Issue[] = [];
  const part = request.parts[0];
  const videos = part.media.filter((item) => item.kind === 'video');
  if (videos.length !== 1 || part.media.length !== 1) {
    issues.push({ path: 'parts.0.media', message: 'YouTube needs exactly one video, and nothing else.' });
  }
  const title = effectiveTitle(request);
  if (title.length === 0)
    issues.push({ path: 'title', message: 'YouTube needs a title: add one, or start the text with it.' });
  if ((request.title?.trim().length ?? 0) > TITLE_MAX_CHARS) {
    issues.push({ path: 'title', message: `YouTube titles are at most ${TITLE_MAX_CHARS} characters.` });
  }
  if (/[<>]/.test(title)) issues.push({ path: 'title', message: 'YouTube titles may not contain < or >.' });
  if (/[<>]/.test(part.text))
    issues.push({ path: 'parts.0.text', message: 'YouTube descriptions may not contain < or >.' });
  if (countText(part.text.trim(), { kind: 'utf8_bytes' }) > DESCRIPTION_MAX_BYTES) {
    issues.push({ path: 'parts.0.text', message: `YouTube descriptions are at most ${DESCRIPTION_MAX_BYTES} bytes.` });
  }
  const settings = youtubeSettings.safeParse(request.settings);
  if (!settings.success) {
    issues.push({ path: 'settings', message: 'The YouTube settings are not valid.' });
    return issues;
  }
  if (tagsLength(settings.data.tags) > TAGS_MAX_CHARS) {
    issues.push({
      path: 'settings.tags',
      message: `YouTube allows at most ${TAGS_MAX_CHARS} characters of tags in total.`,
    });
  }
  const video = videos[0];
  if (settings.data.short && video !== undefined && !isShortEligible(video)) {
    issues.push({
      path: 'settings.short',
      message: 'A YouTube Short must be square or vertical and at most 3 minutes long.',
    });
  }
  return issues;
}
