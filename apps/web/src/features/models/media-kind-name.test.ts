import { describe, expect, it } from 'vitest';
import { makesInWords, mediaKindName } from './media-kind-name.ts';

describe('media provider words', () => {
  it('names kinds and what a provider makes', () => {
    expect(mediaKindName('automatic1111')).toBe('AUTOMATIC1111 (local Stable Diffusion)');
    expect(mediaKindName('something-new')).toBe('something-new');
    expect(makesInWords({ image: true, video: false, speech: true })).toBe('images, speech');
    expect(makesInWords({ image: false, video: false, speech: false })).toBe('nothing in this build');
  });
});
