/**
 * Instagram rules the manifest cannot express: media is required, a carousel holds 2–10 items with
 * videos of 60 s at most, a story takes one item, images must be JPEG, and a caption carries at most
 * 30 hashtags and 20 @mentions.
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 */
import type { PublishRequest } from '../contract.ts';
import { instagramSettingsSchema } from './manifest.ts';

export interface Issue {
  path: string;
  message: string;
}

const HASHTAG = /(^|[^\p{L}\p{N}_])#[\p{L}\p{M}\p{N}_]+/gu;
const MENTION = /(^|[^\p{L}\p{N}_.])@[\w.]+/gu;

/** Problems that make Instagram refuse the post, in plain words. */
export function validateInstagram(request: PublishRequest): Issue[] {
  const issues: Issue[] = [];
  const settings = instagramSettingsSchema.safeParse(request.settings).data ?? instagramSettingsSchema.parse({});
  if (request.parts.length > 1)
    issues.push({ path: 'parts', message: 'Instagram has no threads; post one part only.' });
  const { text, media } = request.parts[0];
  if (media.length === 0)
    issues.push({ path: 'parts.0.media', message: 'Instagram needs at least one image or video.' });
  if (settings.placement === 'story' && media.length > 1) {
    issues.push({ path: 'parts.0.media', message: 'An Instagram story takes exactly one image or video.' });
  }
  if (media.length > 10)
    issues.push({ path: 'parts.0.media', message: 'An Instagram carousel holds at most 10 images or videos.' });
  media.forEach((item, index) => {
    const path = `parts.0.media.${index}`;
    if (item.kind === 'gif')
      issues.push({ path, message: 'Instagram does not accept GIFs; use a video or a JPEG image.' });
    else if (item.kind === 'image' && item.mimeType !== 'image/jpeg') {
      issues.push({ path, message: `Instagram accepts JPEG images only; convert ${item.fileName} to JPEG.` });
    }
    if (item.kind === 'video' && media.length > 1 && item.durationSec !== undefined && item.durationSec > 60) {
      issues.push({ path, message: 'Videos in an Instagram carousel can be 60 seconds long at most.' });
    }
  });
  if ((text.match(HASHTAG) ?? []).length > 30)
    issues.push({ path: 'parts.0.text', message: 'Instagram allows at most 30 hashtags in a caption.' });
  if ((text.match(MENTION) ?? []).length > 20)
    issues.push({ path: 'parts.0.text', message: 'Instagram allows at most 20 @mentions in a caption.' });
  return issues;
}
