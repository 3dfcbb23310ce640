import { describe, expect, it } from 'vitest';
import { topicWordsOf } from './topic-words.ts';

describe('topicWordsOf', () => {
  it('keeps the longest content words in text order, without links, mentions, hashtags or stop words', () => {
    expect(
      topicWordsOf('Our new single-origin Ethiopian roast is here! Thanks @friend #coffee https://shop.test/x'),
    ).toEqual(['single-origin', 'ethiopian', 'roast']);
  });

  it('keeps at most eight words, each once', () => {
    const words = topicWordsOf('alpha bravo charlie delta echo foxtrot golf hotel india juliett alpha alpha');
    expect(words).toHaveLength(8);
    expect(new Set(words).size).toBe(8);
  });

  it('is empty for a text of links and short words', () => {
    expect(topicWordsOf('so it is https://x.test')).toEqual([]);
  });
});
