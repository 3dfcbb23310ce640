import { describe, expect, it } from 'vitest';
import { imageShapeOf, mediaCostMicros, mediaPriceOf, UNKNOWN_MEDIA_PRICE } from './media-price-table.ts';

describe('media price table', () => {
  it('prices images by model and shape, video by the second and speech by the character', () => {
    const gptImage = mediaPriceOf('openai', 'gpt-image-1');
    expect(gptImage.version).toBe('2025-10');
    expect(mediaCostMicros(gptImage, { task: 'image', images: 3, shape: 'square' })).toBe(126_000);
    expect(mediaCostMicros(gptImage, { task: 'image', images: 1, shape: imageShapeOf(1080, 1920) })).toBe(63_000);
    const veo = mediaPriceOf('google', 'veo-3.0-fast-generate-001');
    expect(mediaCostMicros(veo, { task: 'video', seconds: 8 })).toBe(1_200_000);
    const tts = mediaPriceOf('openai', 'tts-1-hd');
    expect(mediaCostMicros(tts, { task: 'speech', characters: 1000 })).toBe(30_000);
  });

  it('matches dated and preview names by prefix, the longest key winning', () => {
    expect(mediaPriceOf('openai', 'gpt-image-1-mini-2025-10-06').price).toEqual(
      mediaPriceOf('openai', 'gpt-image-1-mini').price,
    );
    expect(mediaPriceOf('google', 'imagen-4.0-fast-generate-preview-06-06').price.perImage).toBe(0.02);
  });

  it('charges local providers nothing and unknown cloud models the dearest tier', () => {
    const local = mediaPriceOf('automatic1111', 'sdxl');
    expect(local.version).toBe('local');
    expect(mediaCostMicros(local, { task: 'image', images: 4, shape: 'square' })).toBe(0);
    const unknown = mediaPriceOf('stability', 'stable-image-9000');
    expect(unknown.version).toBe('unpriced');
    expect(mediaCostMicros(unknown, { task: 'image', images: 1, shape: 'square' })).toBe(
      UNKNOWN_MEDIA_PRICE.perImage * 1e6,
    );
    // A model asked for what its entry does not price is never free.
    expect(mediaCostMicros(mediaPriceOf('openai', 'tts-1'), { task: 'image', images: 1, shape: 'square' })).toBe(
      250_000,
    );
  });
});
