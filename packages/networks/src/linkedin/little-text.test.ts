import { describe, expect, it } from 'vitest';
import { escapeLittle, toLittleText } from './little-text.ts';

describe('little text format', () => {
  it('escapes every reserved character', () => {
    expect(escapeLittle('|{}@[]()<>#\\*_~')).toBe('\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\\\\\*\\_\\~');
    expect(escapeLittle('plain text, 100% ok!')).toBe('plain text, 100% ok!');
  });

  it('keeps hashtags as hashtag templates and escapes the rest', () => {
    expect(toLittleText('#Launch day for C# fans: #open_source (beta)')).toBe(
      '{hashtag|#|Launch} day for C\\# fans: {hashtag|#|open\\_source} \\(beta\\)',
    );
    expect(toLittleText('#été #日本 ##')).toBe('{hashtag|#|été} {hashtag|#|日本} \\#\\#');
  });
});
