import { describe, expect, it } from 'vitest';
import { postExcerpt } from './post-excerpt.ts';

const empty = { text: '', mediaIds: [], thread: [], hashtags: [] };

describe('postExcerpt', () => {
  it('names a post by its first line, cut to fit', () => {
    expect(postExcerpt({ ...empty, text: '\n  Fresh beans  \nToday only' })).toBe('Fresh beans');
    expect(postExcerpt({ ...empty, text: 'x'.repeat(100) }, 60)).toBe(`${'x'.repeat(59)}…`);
  });

  it('falls back to the title, the thread, the media and the hashtags, never "(no text)"', () => {
    expect(postExcerpt({ ...empty, title: 'Launch day' })).toBe('Launch day');
    expect(postExcerpt({ ...empty, thread: [{ text: 'Part two', mediaIds: [] }] })).toBe('Part two');
    expect(postExcerpt({ ...empty, mediaIds: ['a'] })).toBe('Image or video only');
    expect(postExcerpt({ ...empty, mediaIds: ['a', 'b'] })).toBe('2 images or videos only');
    expect(postExcerpt({ ...empty, hashtags: ['#coffee', '#beans'] })).toBe('#coffee #beans');
    expect(postExcerpt(empty)).toBe('Untitled draft');
  });
});
