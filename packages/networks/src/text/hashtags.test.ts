import { describe, expect, it } from 'vitest';
import { hashtagsOf, mergeHashtags } from './hashtags.ts';

describe('hashtagsOf', () => {
  it('finds tags in any script, lower-cased, each once, in order', () => {
    expect(hashtagsOf('New #Coffee blend! #coffee #Café_2025 and #日本語')).toEqual(['coffee', 'café_2025', '日本語']);
  });

  it('skips numbers, anchors in URLs and tags glued to a word', () => {
    expect(hashtagsOf('Issue #1, see https://x.test/page#section and mail#box; (#ok)')).toEqual(['ok']);
  });

  it('reads several texts (title and description)', () => {
    expect(hashtagsOf('#one', 'two #two')).toEqual(['one', 'two']);
  });
});

describe('mergeHashtags', () => {
  it('merges the network’s list with the text, without duplicates', () => {
    expect(mergeHashtags(['#Launch', 'news'], 'Hello #launch #extra')).toEqual(['launch', 'news', 'extra']);
  });
});
