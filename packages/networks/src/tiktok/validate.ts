/**
 * TikTok's checks beyond the manifest. The UX guidelines make the privacy level the user's own choice
 * (no default), branded content cannot be private, and a post is one video or only photos.
 */
import type { PublishMedia, PublishRequest } from '../contract.ts';
import { tiktokSettingsSchema, type TikTokSettings } from './manifest.ts';

type Issue = { path: string; message: string };

/** Settings problems, in plain words. */
export function settingsIssues(settings: TikTokSettings): Issue[] {
  const issues: Issue[] = [];
  if (settings.mode === 'direct' && settings.privacy_level === undefined) {
    issues.push({ path: 'settings.privacy_level', message: 'Choose who can see this TikTok post (privacy level).' });
  }
  if (settings.brand_content_toggle && settings.privacy_level === 'SELF_ONLY') {
    issues.push({
      path: 'settings.privacy_level',
      message: 'Branded content cannot be private on TikTok. Choose another privacy level.',
    });
  }
  return issues;
}

/** Media problems: nothing, a video with other media, more than one video, or too many photos. */
export function mediaIssues(media: readonly PublishMedia[]): Issue[] {
  if (media.length === 0) return [{ path: 'mediaIds', message: 'TikTok needs a video or at least one photo.' }];
  const videos = media.filter((item) => item.kind === 'video').length;
  if (videos > 0 && media.length > 1)
    return [{ path: 'mediaIds', message: 'A TikTok post is one video, or up to 35 photos, not both.' }];
  if (media.some((item) => item.kind === 'gif'))
    return [{ path: 'mediaIds', message: 'TikTok does not take GIFs; use a video or photos.' }];
  if (media.length > 35) return [{ path: 'mediaIds', message: 'A TikTok photo post has at most 35 photos.' }];
  return [];
}

/** The provider's `validate`: settings always; media only when the request carries it. */
export function validateTikTok(request: PublishRequest): Issue[] {
  const parsed = tiktokSettingsSchema.safeParse(request.settings);
  if (!parsed.success) return [{ path: 'settings', message: 'The TikTok settings are not valid.' }];
  const media = request.parts[0].media;
  return [...settingsIssues(parsed.data), ...(media.length === 0 ? [] : mediaIssues(media))];
}
