import { describe, expect, it } from 'vitest';
import { highlightText } from './highlight-text.ts';

describe('highlightText', () => {
  it('splits text into plain parts, hashtags, mentions and links, in order', () => {
    expect(highlightText('Hi #plume @ada see https://acme.example/a')).toEqual([
      { kind: 'text', value: 'Hi ' },
      { kind: 'hashtag', value: '#plume' },
      { kind: 'text', value: ' ' },
      { kind: 'mention', value: '@ada' },
      { kind: 'text', value: ' see ' },
      { kind: 'link', value: 'https://acme.example/a' },
    ]);
  });

  it('does not read a # inside a URL as a tag', () => {
    const segments = highlightText('https://acme.example/page#section');
    expect(segments).toEqual([{ kind: 'link', value: 'https://acme.example/page#section' }]);
  });

  it('needs a tag or mention to start a word', () => {
    expect(highlightText('a#b c@d')).toEqual([{ kind: 'text', value: 'a#b c@d' }]);
  });

  it('keeps a Mastodon mention with its server as one mention', () => {
    expect(highlightText('@ada@social.example hi')[0]).toEqual({ kind: 'mention', value: '@ada@social.example' });
  });

  it('handles letters beyond ASCII in tags', () => {
    expect(highlightText('#café').map((segment) => segment.kind)).toEqual(['hashtag']);
  });

  it('gives back the text unchanged when joined', () => {
    const text = 'Mix of #tags, @people and https://x.example/?q=1 — fin';
    expect(
      highlightText(text)
        .map((segment) => segment.value)
        .join(''),
    ).toBe(text);
  });

  it('returns nothing for empty text', () => {
    expect(highlightText('')).toEqual([]);
  });
});
