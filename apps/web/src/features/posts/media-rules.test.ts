import { describe, expect, it } from 'vitest';
import { mediaCapabilities, mediaProblems, type MediaCapabilities, type MediaFacts } from './media-rules.ts';

const caps: MediaCapabilities = {
  rules: [
    { kind: 'image', mimeTypes: ['image/png', 'image/jpeg'], maxBytes: 1024 * 1024, maxWidth: 4000, minAspectRatio: 0.5, maxAspectRatio: 2 },
    { kind: 'video', mimeTypes: ['video/mp4'], maxBytes: 10 * 1024 * 1024, maxDurationSec: 60, minDurationSec: 3 },
  ],
  maxItems: 2,
  mixedKinds: false,
  required: false,
  altText: { supported: true, maxLength: 1500 },
};

const png = (overrides: Partial<MediaFacts> = {}): MediaFacts => ({ name: 'a.png', mimeType: 'image/png', bytes: 1000, width: 800, height: 600, ...overrides });

describe('mediaProblems', () => {
  it('accepts files that fit', () => {
    expect(mediaProblems([png(), png({ name: 'b.png' })], caps, 'Mastodon')).toEqual([]);
  });

  it('refuses types the network does not take', () => {
    expect(mediaProblems([png({ name: 'a.bmp', mimeType: 'image/bmp' })], caps, 'Mastodon'))
      .toEqual(['a.bmp on Mastodon: image/bmp files are not accepted.']);
  });

  it('names size, width and aspect-ratio problems', () => {
    const problems = mediaProblems([png({ bytes: 3 * 1024 * 1024, width: 5000, height: 1000 })], caps, 'X');
    expect(problems).toEqual([
      'a.png on X: 3 MB is over the 1 MB limit.',
      'a.png on X: at most 4000 pixels wide.',
      'a.png on X: the width ÷ height ratio 5.00 is not accepted.',
    ]);
  });

  it('checks video duration both ways', () => {
    const video = (durationSec: number): MediaFacts => ({ name: 'v.mp4', mimeType: 'video/mp4', bytes: 1000, durationSec });
    expect(mediaProblems([video(90)], caps, 'X')).toEqual(['v.mp4 on X: at most 60 seconds long.']);
    expect(mediaProblems([video(1)], caps, 'X')).toEqual(['v.mp4 on X: at least 3 seconds long.']);
    expect(mediaProblems([video(30)], caps, 'X')).toEqual([]);
  });

  it('limits the count and the mixing of kinds', () => {
    const video: MediaFacts = { name: 'v.mp4', mimeType: 'video/mp4', bytes: 1000, durationSec: 10 };
    expect(mediaProblems([png(), png(), png()], caps, 'X')).toContain('X takes at most 2 media per post.');
    expect(mediaProblems([png(), video], caps, 'X')).toEqual(['X does not mix images and videos in one post.']);
    expect(mediaProblems([png(), video], { ...caps, mixedKinds: true }, 'X')).toEqual([]);
  });

  it('speaks of text-only networks and networks that need media', () => {
    expect(mediaProblems([png()], { ...caps, maxItems: 0 }, 'Reddit')).toEqual(['Reddit publishes text only; remove the media for it.']);
    expect(mediaProblems([], { ...caps, required: true }, 'Instagram')).toEqual(['Instagram needs at least one image or video.']);
    expect(mediaProblems([], caps, 'X')).toEqual([]);
  });
});

describe('mediaCapabilities', () => {
  it('takes a manifest media block and refuses anything else', () => {
    expect(mediaCapabilities(caps)).toBe(caps);
    expect(mediaCapabilities(undefined)).toBeNull();
    expect(mediaCapabilities({ maxItems: 4 })).toBeNull();
    expect(mediaCapabilities('image')).toBeNull();
  });
});
