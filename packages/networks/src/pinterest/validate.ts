/**
 * Pinterest's checks beyond the manifest: a Pin needs a board, and is one image, one video, or a
 * carousel of 2–5 images (never a video with images).
 */
import type { PublishMedia, PublishRequest } from '../contract.ts';
import { pinterestSettingsSchema, type PinterestSettings } from './manifest.ts';

type Issue = { path: string; message: string };

/** Settings problems, in plain words. */
export function settingsIssues(settings: PinterestSettings): Issue[] {
  return settings.board_id === undefined
    ? [{ path: 'settings.board_id', message: 'Choose the Pinterest board this Pin goes to.' }]
    : [];
}

/** Media problems of a Pin. */
export function mediaIssues(media: readonly PublishMedia[]): Issue[] {
  if (media.length === 0) return [{ path: 'mediaIds', message: 'A Pin needs an image or a video.' }];
  const videos = media.filter((item) => item.kind === 'video').length;
  if (videos > 0 && media.length > 1)
    return [{ path: 'mediaIds', message: 'A Pin is one video, or one to five images, not both.' }];
  if (media.length > 5) return [{ path: 'mediaIds', message: 'A Pinterest carousel has at most 5 images.' }];
  return [];
}

/** The provider's `validate`: settings always; media only when the request carries it. */
export function validatePinterest(request: PublishRequest): Issue[] {
  const parsed = pinterestSettingsSchema.safeParse(request.settings);
  if (!parsed.success) return [{ path: 'settings', message: 'The Pinterest settings are not valid.' }];
  const media = request.parts[0].media;
  return [...settingsIssues(parsed.data), ...(media.length === 0 ? [] : mediaIssues(media))];
}
