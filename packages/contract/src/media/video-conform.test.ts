import { describe, expect, it } from 'vitest';
import { asPublished, renditionPlan, renditionReasons, renditionSize } from './video-conform.ts';

const reels = {
  mimeTypes: ['video/mp4', 'video/quicktime'],
  maxBytes: 300_000_000,
  minDurationSec: 3,
  maxDurationSec: 90,
  minAspectRatio: 0.5625,
  maxAspectRatio: 0.5625,
};
const good = {
  mimeType: 'video/mp4',
  bytes: 5_000_000,
  width: 1080,
  height: 1920,
  durationSec: 20,
  videoCodec: 'h264',
  audioCodec: 'aac',
};

describe('renditionReasons', () => {
  it('passes a vertical H.264/AAC MP4', () => expect(renditionReasons(good, reels)).toEqual([]));

  it('names every reason a video cannot go as it is', () => {
    const webm = { ...good, mimeType: 'video/webm', videoCodec: 'vp9', audioCodec: 'opus', width: 1440, height: 1080 };
    expect(renditionReasons(webm, reels)).toEqual([
      'the network does not take video/webm',
      'its shape or size is outside what the network takes',
    ]);
    expect(renditionReasons({ ...good, bytes: 400_000_000, durationSec: 120 }, reels)).toEqual([
      'the file is too big',
      'the video is too long',
    ]);
  });

  it('takes VP9 in WebM where the network takes WebM', () => {
    const webmRule = { ...reels, mimeTypes: ['video/webm'] };
    expect(
      renditionReasons({ ...good, mimeType: 'video/webm', videoCodec: 'vp9', audioCodec: 'opus' }, webmRule),
    ).toEqual([]);
  });
});

describe('renditionSize', () => {
  it('pads a landscape video into the vertical shape at 1080p', () => {
    expect(renditionSize({ width: 1920, height: 1080 }, reels)).toEqual({ width: 1080, height: 1920 });
    expect(renditionSize({ width: 320, height: 240 }, reels)).toEqual({ width: 320, height: 568 });
  });

  it('keeps a shape the rule allows, brought within 1080p and the pixel limits', () => {
    const any = { mimeTypes: ['video/mp4'], maxBytes: 1 };
    expect(renditionSize({ width: 3840, height: 2160 }, any)).toEqual({ width: 1920, height: 1080 });
    expect(renditionSize({ width: 200, height: 200 }, { ...any, minWidth: 360 })).toEqual({ width: 360, height: 360 });
  });
});

describe('asPublished', () => {
  it('checks the rendition, which leaves only what trimming alone could fix', () => {
    const long = { ...good, mimeType: 'video/webm', durationSec: 120 };
    expect(asPublished(long, reels, false)).toMatchObject({ mimeType: 'video/mp4', durationSec: 120 });
    expect(asPublished(long, reels, true)).toMatchObject({ mimeType: 'video/mp4', durationSec: 89.9 });
    expect(asPublished(good, reels, false)).toBe(good);
  });

  it('gives the same rendition key to the same plan', () => {
    expect(renditionPlan(good, reels, false).key).toBe(renditionPlan({ ...good }, reels, true).key);
  });
});
