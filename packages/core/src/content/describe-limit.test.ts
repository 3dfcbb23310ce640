import { describe, expect, it } from 'vitest';
import { describeTextLimit, describeUnit } from './describe-limit.ts';

describe('describeTextLimit', () => {
  it('states each counting method the network’s way', () => {
    expect(describeTextLimit({ max: 280, method: { kind: 'weighted' } })).toBe(
      '280 weighted characters (URLs count 23, emoji and CJK characters count 2)',
    );
    expect(describeTextLimit({ max: 300, method: { kind: 'graphemes' } })).toMatch(/^300 graphemes/);
    expect(describeTextLimit({ max: 500, method: { kind: 'mastodon' } })).toBe('500 characters (URLs count 23)');
    expect(describeTextLimit({ max: 500, method: { kind: 'mastodon', urlLength: 30 } })).toBe(
      '500 characters (URLs count 30)',
    );
    expect(describeTextLimit({ max: 3000, method: { kind: 'utf16_units' } })).toBe(
      '3,000 characters (an emoji counts 2)',
    );
    expect(describeTextLimit({ max: 5000, method: { kind: 'utf8_bytes' } })).toMatch(/^5,000 bytes of UTF-8/);
    expect(describeTextLimit({ max: 500, method: { kind: 'emoji_utf8' } })).toMatch(/emoji counts 4/);
  });

  it('names the unit alone', () => {
    expect(describeUnit({ max: 280, method: { kind: 'weighted' } })).toBe('weighted characters');
    expect(describeUnit({ max: 5000, method: { kind: 'utf8_bytes' } })).toBe('bytes of UTF-8');
  });
});
