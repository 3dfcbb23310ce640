import { describe, expect, it } from 'vitest';
import { captionTop, renderCaption } from './caption-image.ts';
import { probeBytes } from './probe-media.ts';
import { fitDurations, renderSlideshow, VOICE_TAIL_SEC } from './render-slideshow.ts';
import { grabFrame, meanDifference, testPicture, toneM4a } from './video-test-support.ts';

const WIDTH = 540;
const HEIGHT = 960;

async function slides(captions: boolean) {
  const pictures = await Promise.all([0, 120, 240].map((hue) => testPicture(800, 600, hue)));
  return pictures.map((image, index) => ({
    image,
    durationSec: 1.5,
    ...(captions ? { caption: `Tip ${index + 1}: drink water first` } : {}),
  }));
}

describe('renderSlideshow (real ffmpeg)', () => {
  it('renders H.264 + AAC at the asked size and length, captions burned in', { timeout: 180_000 }, async () => {
    const progress: number[] = [];
    const input = {
      transition: 'fade' as const,
      width: WIDTH,
      height: HEIGHT,
      onProgress: (f: number) => progress.push(f),
    };
    const withCaptions = await renderSlideshow({ ...input, slides: await slides(true) });
    const probe = await probeBytes(withCaptions.bytes);
    expect(probe).toMatchObject({
      videoCodec: 'h264',
      audioCodec: 'aac',
      width: WIDTH,
      height: HEIGHT,
      hasAudio: true,
    });
    expect(probe?.durationSec).toBeGreaterThan(4.4);
    expect(probe?.durationSec).toBeLessThan(4.7);
    expect(withCaptions.bytes.length).toBeGreaterThan(10_000);
    // MP4 with the index first (faststart): 'moov' comes before 'mdat'.
    const text = Buffer.from(withCaptions.bytes).toString('latin1');
    expect(text.indexOf('moov')).toBeLessThan(text.indexOf('mdat'));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const without = await renderSlideshow({ ...input, slides: await slides(false) });
    const [captioned, plain] = await Promise.all([grabFrame(withCaptions.bytes, 0.5), grabFrame(without.bytes, 0.5)]);
    const band = await renderCaption('Tip 1: drink water first', WIDTH);
    const top = captionTop(HEIGHT, band.height);
    // Where the caption is, the frames differ a lot; above it they are the same picture.
    expect(meanDifference(captioned, plain, top, top + band.height)).toBeGreaterThan(20);
    expect(meanDifference(captioned, plain, 0, Math.floor(top / 2))).toBeLessThan(3);
  });

  it('follows the voice-over: the video is as long as the voice plus a short tail', { timeout: 180_000 }, async () => {
    const voice = await toneM4a(3);
    const result = await renderSlideshow({
      slides: await slides(true),
      transition: 'slide',
      width: 360,
      height: 640,
      voiceOver: voice,
      music: { bytes: await toneM4a(1), volume: 0.2 },
    });
    const probe = await probeBytes(result.bytes);
    expect(probe?.audioCodec).toBe('aac');
    expect(probe?.durationSec).toBeGreaterThan(3 + VOICE_TAIL_SEC - 0.15);
    expect(probe?.durationSec).toBeLessThan(3 + VOICE_TAIL_SEC + 0.15);
    expect(result.durations.reduce((a, b) => a + b, 0)).toBeCloseTo(3 + VOICE_TAIL_SEC, 1);
  });

  it('renders Ken Burns (zoom) with captions on top', { timeout: 180_000 }, async () => {
    const result = await renderSlideshow({ slides: await slides(true), transition: 'zoom', width: 360, height: 640 });
    const probe = await probeBytes(result.bytes);
    expect(probe).toMatchObject({ videoCodec: 'h264', width: 360, height: 640 });
    const [early, late] = await Promise.all([grabFrame(result.bytes, 0.1), grabFrame(result.bytes, 1.2)]);
    // The picture moves between two moments of one slide.
    expect(meanDifference(early, late, 0, 200)).toBeGreaterThan(1);
  });
});

describe('fitDurations', () => {
  it('keeps each slide its share of the new length', () => {
    expect(fitDurations([1, 2, 1], 8)).toEqual([2, 4, 2]);
    expect(fitDurations([10, 10], 0.6)).toEqual([0.5, 0.5]);
  });
});
