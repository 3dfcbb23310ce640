import { describe, expect, it } from 'vitest';
import { composePost, findInlineHashtags, hashtagsToAppend, normalizeHashtags, parseHashtags } from './compose-post.ts';

describe('composePost', () => {
  it('appends hashtags on their own line, skipping those already in the text', () => {
    expect(composePost('Cold brew #Coffee tips. ', ['coffee', '#ColdBrew'])).toBe(
      'Cold brew #Coffee tips.\n\n#ColdBrew',
    );
    expect(composePost('Plain', [])).toBe('Plain');
    expect(composePost('', ['solo'])).toBe('#solo');
  });

  it('does not append a hashtag the text holds in another letter case', () => {
    expect(composePost('Weekend #coldbrew', ['#ColdBrew', 'COLDBREW'])).toBe('Weekend #coldbrew');
  });

  it('appends a tag named twice in the list once, in its first spelling', () => {
    expect(composePost('Hello', ['Coffee', '#coffee', 'tea'])).toBe('Hello\n\n#Coffee #tea');
  });

  it('appends nothing when every tag is already inline, and trims the trailing space', () => {
    expect(composePost('#a and #b  \n', ['a', 'B'])).toBe('#a and #b');
  });

  it('treats a URL fragment as text, not as a hashtag', () => {
    expect(composePost('See https://x.example/#coffee', ['coffee'])).toBe('See https://x.example/#coffee\n\n#coffee');
  });

  it('finds inline hashtags but not URL fragments or HTML entities', () => {
    expect(findInlineHashtags('A #tag, https://x.example/#anchor and &#39; #Été_2026')).toEqual(['tag', 'Été_2026']);
  });
});

describe('hashtag helpers', () => {
  it('normalizes to #tag without case-insensitive duplicates', () => {
    expect(normalizeHashtags(['coffee', '#Coffee', 'tea', '#tea'])).toEqual(['#coffee', '#tea']);
  });

  it('leaves out what the text already holds', () => {
    expect(hashtagsToAppend('Cold brew #Coffee', ['coffee', 'ColdBrew'])).toEqual(['#ColdBrew']);
  });

  it('splits a typed hashtags field on spaces and commas', () => {
    expect(parseHashtags('#a b, c ,, #')).toEqual(['#a', 'b', 'c']);
  });
});
