/**
 * Test inputs made on the spot: still pictures (sharp) and short clips (ffmpeg's own test pattern and
 * tone), so the video tests need no stored fixtures.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { runFfmpeg } from './run-ffmpeg.ts';

/** A busy picture (gradient and stripes) in a given colour, so frames differ where captions are. */
export async function testPicture(width: number, height: number, hue: number): Promise<Uint8Array> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue},70%,45%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},70%,60%)"/>` +
    `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
    `<circle cx="${width / 2}" cy="${height / 3}" r="${Math.min(width, height) / 4}" fill="white" opacity="0.5"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer());
}

/** Runs ffmpeg to make a file from lavfi sources and returns its bytes. */
export async function makeClip(args: readonly string[], extension: string): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plume-clip-'));
  try {
    const file = path.join(dir, `clip.${extension}`);
    await runFfmpeg([...args, file]);
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A 4:3 VP9 + Opus WebM clip (what a browser records), `seconds` long. */
export function webmClip(seconds: number): Promise<Uint8Array> {
  return makeClip(
    [
      ...['-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
      ...['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-c:a', 'libopus'],
    ],
    'webm',
  );
}

/** A spoken-length tone as M4A (AAC), standing in for a voice-over. */
export function toneM4a(seconds: number): Promise<Uint8Array> {
  return makeClip(['-f', 'lavfi', '-i', `sine=frequency=300:duration=${seconds}`, '-c:a', 'aac', '-b:a', '64k'], 'm4a');
}

/** One frame of a video at `second`, as raw greyscale pixels. */
export async function grabFrame(
  video: Uint8Array,
  second: number,
): Promise<{ pixels: Buffer; width: number; height: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plume-frame-'));
  try {
    const input = path.join(dir, 'video.mp4');
    await writeFile(input, video);
    const output = path.join(dir, 'frame.png');
    await runFfmpeg(['-ss', String(second), '-i', input, '-frames:v', '1', output]);
    const { data, info } = await sharp(output).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { pixels: data, width: info.width, height: info.height };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mean absolute difference of two greyscale frames within rows [top, bottom). */
export function meanDifference(
  a: { pixels: Buffer; width: number },
  b: { pixels: Buffer },
  top: number,
  bottom: number,
): number {
  let sum = 0;
  for (let index = top * a.width; index < bottom * a.width; index++)
    sum += Math.abs((a.pixels[index] ?? 0) - (b.pixels[index] ?? 0));
  return sum / ((bottom - top) * a.width);
}
