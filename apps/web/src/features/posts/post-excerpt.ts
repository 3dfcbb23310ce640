import type { PostContentView } from '@plume/contract/posts/post-schemas';

function firstLine(text: string | undefined): string {
  return (
    (text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

function clip(line: string, max: number): string {
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * What names a post in a list: its first line of text, else its title, its first thread part, its
 * media or hashtags. Plume refuses posts with nothing in them; older ones read "Untitled draft".
 * @example postExcerpt({ text: 'Fresh beans\nToday only', mediaIds: [], thread: [], hashtags: [] }) // 'Fresh beans'
 */
export function postExcerpt(
  content: Pick<PostContentView, 'text' | 'title' | 'mediaIds' | 'thread' | 'hashtags'>,
  max = 80,
): string {
  const line = firstLine(content.text) || firstLine(content.title) || firstLine(content.thread[0]?.text);
  if (line) return clip(line, max);
  const media = content.mediaIds.length;
  if (media > 0) return media === 1 ? 'Image or video only' : `${media} images or videos only`;
  if (content.hashtags.length > 0) return clip(content.hashtags.join(' '), max);
  return 'Untitled draft';
}
