import { describe, expect, it } from 'vitest';
import { checkMedia, mediaKindOf, type MediaCapabilitiesLike, type MediaItem } from './media-rules.ts';

const caps: MediaCapabilitiesLike = {
  rules: [
    {
      kind: 'image',
      mimeTypes: ['image/png', 'image/jpeg'],
      maxBytes: 1_000_000,
      maxWidth: 4000,
      minAspectRatio: 0.8,
      maxAspectRatio: 1.91,
    },
    { kind: 'video', mimeTypes: ['video/mp4'], maxBytes: 10_000_000, maxDurationSec: 60, minDurationSec: 3 },
  ],
  maxItems: 2,
  mixedKinds: false,
  required: false,
  altText: { supported: true, maxLength: 100 },
};

const png = (overrides: Partial<MediaItem> = {}): MediaItem => ({
  mimeType: 'image/png',
  bytes: 1000,
  width: 800,
  height: 600,
  ...overrides,
});
const messages = (items: MediaItem[], capabilities = caps) =>
  checkMedia(items, capabilities, 'X').map((problem) => problem.message);

describe('checkMedia', () => {
  it('accepts files that fit', () => {
    expect(checkMedia([png(), png()], caps, 'X')).toEqual([]);
  });

  it('allows a 0.01 aspect-ratio tolerance, as a 1200×628 crop of 1.91:1 needs', () => {
    expect(messages([png({ width: 1200, height: 628 })])).toEqual([]);
    expect(messages([png({ width: 1000, height: 1260 })])).toEqual([]);
    expect(messages([png({ width: 1940, height: 1000 })])).toEqual([
      'The 1940×1000 shape does not fit X (aspect ratio 0.8–1.91).',
    ]);
  });

  it('names the item at fault and what is wrong with it', () => {
    expect(checkMedia([png(), png({ bytes: 3_000_000, width: 5000, height: 3000 })], caps, 'X')).toEqual([
      { item: 1, message: 'The file is 3 MB; X allows 1 MB.' },
      { item: 1, message: 'X allows images up to 4000 px wide.' },
    ]);
  });

  it('refuses a type the network does not take for that kind, and a kind it does not take at all', () => {
    expect(messages([png({ mimeType: 'image/bmp' })])).toEqual([
      'X takes image/png, image/jpeg for images, not image/bmp.',
    ]);
    expect(messages([png({ mimeType: 'image/gif' })])).toEqual(['X does not take GIFs.']);
  });

  it('checks video duration both ways', () => {
    const video = (durationSec: number): MediaItem => ({ mimeType: 'video/mp4', bytes: 1000, durationSec });
    expect(messages([video(90)])).toEqual(['The video is 90 s long; X allows 60 s.']);
    expect(messages([video(1)])).toEqual(['The video is 1 s long; X needs at least 3 s.']);
    expect(messages([video(30)])).toEqual([]);
  });

  it('limits the count and the mixing of kinds', () => {
    const video: MediaItem = { mimeType: 'video/mp4', bytes: 1000, durationSec: 10 };
    expect(messages([png(), png(), png()])).toContain('X takes at most 2 media items per post.');
    expect(messages([png(), video])).toEqual(['X cannot mix images and videos in one post.']);
    expect(messages([png(), video], { ...caps, mixedKinds: true })).toEqual([]);
  });

  it('speaks of text-only networks, networks that need media, and alt text over the limit', () => {
    expect(messages([png()], { ...caps, maxItems: 0 })).toEqual(['X posts cannot carry media.']);
    expect(messages([], { ...caps, required: true })).toEqual(['X needs at least one image or video.']);
    expect(checkMedia([], { ...caps, required: true }, 'X', false)).toEqual([]);
    expect(messages([png({ altText: 'a'.repeat(101) })])).toEqual(['Alt text is 101 characters; X allows 100.']);
  });

  it('tells the kind from the MIME type', () => {
    expect([mediaKindOf('image/gif'), mediaKindOf('image/webp'), mediaKindOf('video/quicktime')]).toEqual([
      'gif',
      'image',
      'video',
    ]);
  });
});
