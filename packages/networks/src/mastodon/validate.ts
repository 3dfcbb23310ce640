/**
 * Mastodon rules the manifest cannot express: a video (or animated GIF, which Mastodon turns into
 * a video) must be the only attachment, and a post needs text or media.
 */
import type { PublishRequest } from '../contract.ts';

/** Plain-words problems with a request, one per offending part. */
export function validateForMastodon(request: PublishRequest): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  request.parts.forEach((part, index) => {
    const motion = part.media.some((media) => media.kind === 'video' || media.kind === 'gif');
    if (motion && part.media.length > 1) {
      problems.push({ path: `parts.${index}.media`, message: 'Mastodon allows one video or GIF per post, and nothing else with it.' });
    }
    if (part.text.trim() === '' && part.media.length === 0) {
      problems.push({ path: `parts.${index}.text`, message: 'A Mastodon post needs text or media.' });
    }
  });
  return problems;
}
