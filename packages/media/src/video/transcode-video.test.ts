import { describe, expect, it } from 'vitest';
import { renditionReasons } from '@plume/contract/media/video-conform';
import { probeBytes } from './probe-media.ts';
import { bitrateCapKbps, CannotConform, transcodeForRule } from './transcode-video.ts';
import { webmClip } from './video-test-support.ts';

/** Reels/Shorts/TikTok-like: MP4 or MOV, vertical 9:16 only, at most 3 s. */
const verticalRule = {
  mimeTypes: ['video/mp4', 'video/quicktime'],
  maxBytes: 50 * 1024 * 1024,
  maxDurationSec: 3,
  minAspectRatio: 0.5625,
  maxAspectRatio: 0.5625,
};

describe('transcodeForRule (real ffmpeg)', () => {
  it(
    'makes a 4:3 VP9 WebM into a conforming 9:16 H.264/AAC MP4, trimmed when allowed',
    { timeout: 120_000 },
    async () => {
      const source = { bytes: await webmClip(4), mimeType: 'video/webm' };
      expect(
        renditionReasons({ ...(await probeBytes(source.bytes))!, ...source, bytes: source.bytes.length }, verticalRule),
      ).not.toEqual([]);
      const rendition = await transcodeForRule(source, verticalRule, true);
      const probe = await probeBytes(rendition.bytes);
      expect(probe).toMatchObject({ videoCodec: 'h264', audioCodec: 'aac', width: 320, height: 568 });
      expect(probe?.durationSec).toBeLessThanOrEqual(3.1);
      expect(
        renditionReasons({ ...probe!, mimeType: 'video/mp4', bytes: rendition.bytes.length }, verticalRule),
      ).toEqual([]);
    },
  );

  it('refuses a video too long when trimming is not allowed', { timeout: 120_000 }, async () => {
    const source = { bytes: await webmClip(4), mimeType: 'video/webm' };
    await expect(transcodeForRule(source, verticalRule, false)).rejects.toThrow(CannotConform);
    await expect(transcodeForRule(source, verticalRule, false)).rejects.toThrow(/allow trimming/);
  });

  it('refuses a file that is not a video', async () => {
    const bytes = new TextEncoder().encode('not a video');
    await expect(transcodeForRule({ bytes, mimeType: 'video/mp4' }, verticalRule, true)).rejects.toThrow(/not a video/);
  });
});

describe('bitrateCapKbps', () => {
  it('caps only files that would not fit', () => {
    expect(bitrateCapKbps(100_000_000, 60, 10_000_000)).toBeNull();
    // 10 MB over 60 s: about 1.27 Mbit/s in all, minus the sound.
    expect(bitrateCapKbps(10_000_000, 60, 40_000_000)).toBe(1138);
  });
});
