/**
 * What a generated file must pass before it reaches the vault: an image decodes whole (a truncated
 * file fails), has the asked shape within a tolerance (providers answer their nearest size), is at
 * least 256 px on its short side and is not blank (every channel's pixel deviation under 2 of 255);
 * audio and video are a known container by their first bytes and not tiny. A failed check drops the
 * item and is recorded on the job with the reason.
 */
import type { AspectRatio } from '@plume/contract/media/media-enums';
import { ASPECT_SIZES } from '@plume/contract/media/media-enums';

export type QualityVerdict = { ok: true; width?: number; height?: number } | { ok: false; reason: string };

/** How far a result's width/height ratio may be from the asked one (providers' nearest sizes: 1024×1536 for 9:16). */
export const ASPECT_TOLERANCE = 0.25;
export const MIN_SHORT_SIDE = 256;
/** Below this standard deviation in every channel an image is one flat colour. */
export const BLANK_STDDEV = 2;
export const MIN_AUDIO_VIDEO_BYTES = 512;

const orientation = (ratio: number) => (ratio > 1.05 ? 'landscape' : ratio < 0.95 ? 'portrait' : 'square');

export async function checkImage(bytes: Uint8Array, aspectRatio: AspectRatio): Promise<QualityVerdict> {
  const { default: sharp } = await import('sharp');
  let width: number;
  let height: number;
  let deviations: number[];
  try {
    // `failOn: 'truncated'` and a full decode (stats) make a cut-off file fail here, not in a post.
    const image = sharp(bytes, { failOn: 'truncated' });
    const metadata = await image.metadata();
    const stats = await image.stats();
    width = metadata.width;
    height = metadata.height;
    deviations = stats.channels.slice(0, 3).map((channel) => channel.stdev);
  } catch {
    return { ok: false, reason: 'The image is broken: it could not be read whole.' };
  }
  if (Math.min(width, height) < MIN_SHORT_SIDE)
    return { ok: false, reason: `The image is too small (${width}×${height}).` };
  const asked = ASPECT_SIZES[aspectRatio];
  const wanted = asked.width / asked.height;
  const got = width / height;
  if (orientation(wanted) !== orientation(got) || Math.abs(got - wanted) / wanted > ASPECT_TOLERANCE)
    return { ok: false, reason: `The image is ${width}×${height}, not the ${aspectRatio} shape asked for.` };
  if (deviations.every((deviation) => deviation < BLANK_STDDEV))
    return { ok: false, reason: 'The image is blank (one flat colour).' };
  return { ok: true, width, height };
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/** The container a file's first bytes announce, or null. */
export function sniffContainer(bytes: Uint8Array): 'mp3' | 'wav' | 'ogg' | 'mp4' | 'webm' | null {
  if (startsWith(bytes, [0x49, 0x44, 0x33])) return 'mp3'; // "ID3"
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'mp3'; // frame sync
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x41, 0x56, 0x45], 8)) return 'wav';
  if (startsWith(bytes, [0x4f, 0x67, 0x67, 0x53])) return 'ogg';
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4'; // "ftyp"
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  return null;
}

export const CONTAINER_TYPES = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
} as const;

export function checkAudioOrVideo(bytes: Uint8Array, expected: 'audio' | 'video'): QualityVerdict {
  const container = sniffContainer(bytes);
  const what = expected === 'audio' ? 'audio' : 'video';
  if (container === null) return { ok: false, reason: `The ${what} is not a file Plume can read.` };
  const isVideo = container === 'mp4' || container === 'webm';
  if (isVideo !== (expected === 'video'))
    return { ok: false, reason: `The provider sent ${isVideo ? 'a video' : 'audio'} where ${what} was asked for.` };
  if (bytes.length < MIN_AUDIO_VIDEO_BYTES) return { ok: false, reason: `The ${what} is empty or cut off.` };
  return { ok: true };
}
