import { describe, expect, it } from 'vitest';
import { countText } from '@plume/networks/text/count-text';
import type { TextLimit } from '@plume/networks/text/fit-text';
import { fitToLimit } from './fit-to-limit.ts';

const x: TextLimit = { max: 280, method: { kind: 'weighted' } };
const graphemes = (max: number): TextLimit => ({ max, method: { kind: 'graphemes' } });
// A real TLD: X links only hosts with a known one (`northwind.example` would count letter by letter).
const url = 'https://northwind.coffee/guides/cold-brew?utm_source=x&step=1.2';

describe('fitToLimit on X (weighted)', () => {
  it('leaves a post that fits alone, counting a long URL as 23 and an emoji as 2', () => {
    const text = `Cold brew in three steps ☕️ ${url}`;
    expect(countText(text, x.method)).toBe(25 + 2 + 1 + 23);
    const result = fitToLimit({ text, hashtags: ['coffee'] }, x);
    expect(result).toMatchObject({
      action: 'fits',
      text,
      composed: `${text}\n\n#coffee`,
      removedChars: 0,
      droppedHashtags: [],
    });
  });

  it('cuts at the last sentence that fits and never inside the URL', () => {
    const first = `Cold brew is smoother than iced coffee ☕️ and easy to make at home: ${url}.`;
    const second =
      ' Grind coarse, steep for sixteen hours in the fridge, then filter twice through paper, and keep the concentrate in a sealed glass bottle for a week. ';
    const third =
      'Dilute one to one with water or milk, pour over ice and enjoy it all week long without any bitterness at all 🧊🧊🧊.';
    const result = fitToLimit(
      { text: first + second + third, hashtags: ['coffee', 'ColdBrew', 'HomeBaristaCommunity'] },
      x,
    );
    expect(result.action).toBe('trimmed_sentence');
    expect(result.text).toBe(first + second.trimEnd());
    expect(result.text).toContain(url);
    expect(countText(result.composed, x.method)).toBeLessThanOrEqual(280);
    // The body comes first; hashtags fill what is left in rank order.
    expect(result.hashtags).toEqual(['coffee', 'ColdBrew']);
    expect(result.droppedHashtags).toEqual(['HomeBaristaCommunity']);
    expect(countText(`${result.composed} #HomeBaristaCommunity`, x.method)).toBeGreaterThan(280);
    expect(result.removedChars).toBeGreaterThan(third.length);
  });

  it('drops the lowest-ranked hashtags when only they do not fit', () => {
    const text = 'a'.repeat(270);
    const result = fitToLimit({ text, hashtags: ['one', 'two'] }, x);
    expect(result).toMatchObject({
      action: 'dropped_hashtags',
      text,
      hashtags: ['one'],
      droppedHashtags: ['two'],
      removedChars: 5,
    });
  });

  it('asks for a rewrite when even the first sentence is too long, offering a word cut', () => {
    const text = `${'Emoji 😀 heavy words '.repeat(20)}end. Short.`;
    const result = fitToLimit({ text }, x);
    expect(result.action).toBe('needs_rewrite');
    expect(result.text).toMatch(/ Emoji…$/);
    expect(countText(result.text, x.method)).toBeLessThanOrEqual(280);
  });
});

describe('fitToLimit boundaries', () => {
  it('prefers a clause, then a word, when the sentence cut would lose more than half', () => {
    const text =
      'Short one. Then a long sentence with many words, a clause break here, and more words that run over the limit';
    const clause = fitToLimit({ text }, graphemes(80));
    expect(clause).toMatchObject({
      action: 'trimmed_clause',
      text: 'Short one. Then a long sentence with many words, a clause break here…',
    });
    const word = fitToLimit({ text: 'Hi. Word ' + 'word '.repeat(30) }, graphemes(40));
    expect(word.action).toBe('trimmed_word');
    expect(word.text).toBe('Hi. Word word word word word word word…');
  });

  it('never splits a hashtag or a mention in the body', () => {
    const text = 'Hi. Tag #SuperLongHashtagName and @someone.example then more words here';
    const result = fitToLimit({ text }, graphemes(26));
    expect(result.text).toBe('Hi. Tag…');
  });
});
