/**
 * X rules the manifest cannot express: a post carries up to 4 images, or exactly 1 GIF, or exactly
 * 1 video, and a post needs text or media.
 */
import type { PublishRequest } from '../contract.ts';

/** Plain-words problems with a request, one per offending part. */
export function validateForX(request: PublishRequest): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  request.parts.forEach((part, index) => {
    const path = `parts.${index}`;
    const motion = part.media.filter((media) => media.kind === 'video' || media.kind === 'gif');
    if (motion.length > 0 && part.media.length > 1) {
      problems.push({
        path: `${path}.media`,
        message: 'X allows one video or one GIF per post, and nothing else with it.',
      });
    }
    if (part.text.trim() === '' && part.media.length === 0) {
      problems.push({ path: `${path}.text`, message: 'An X post needs text or media.' });
    }
  });
  return problems;
}
