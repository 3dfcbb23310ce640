/**
 * Videos and sound files are read by ffprobe when they are uploaded: the container it finds decides
 * the type (never the file name or the browser's claim), and the real length, picture size and codecs
 * are stored for the networks' rules. Only containers Plume can publish or use as a voice-over pass.
 */
import { AppError } from '@plume/errors/app-error';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import { VideoToolUnavailable } from '@plume/media/video/ffmpeg-binaries';
import { probeBytes, type ProbedMedia } from '@plume/media/video/probe-media';

export type AudioVideoFacts = {
  kind: Extract<MediaKind, 'video' | 'audio'>;
  mimeType: string;
  width?: number;
  height?: number;
  durationSec: number;
  videoCodec: string | null;
  audioCodec: string | null;
};

export const AUDIO_VIDEO_HINT =
  'Upload a JPEG, PNG, WebP or GIF image, an MP4, MOV or WebM video, or an MP3, M4A, WAV or Ogg sound file.';

/** Declared types that send an upload to ffprobe first (images go to sharp first). */
export function looksLikeAudioOrVideo(declaredType: string): boolean {
  return declaredType.startsWith('video/') || declaredType.startsWith('audio/');
}

function videoType(probe: ProbedMedia, declaredType: string): string | undefined {
  const formats = probe.formatName.split(',');
  if (formats.includes('webm')) return 'video/webm';
  if (formats.includes('mov') || formats.includes('mp4'))
    return declaredType === 'video/quicktime' ? 'video/quicktime' : 'video/mp4';
  return undefined;
}

function audioType(probe: ProbedMedia): string | undefined {
  const formats = probe.formatName.split(',');
  if (formats.includes('mp3')) return 'audio/mpeg';
  if (formats.includes('wav')) return 'audio/wav';
  if (formats.includes('ogg')) return 'audio/ogg';
  if (formats.includes('webm')) return 'audio/webm';
  if (formats.includes('aac')) return 'audio/aac';
  if (formats.includes('m4a') || formats.includes('mp4')) return 'audio/mp4';
  return undefined;
}

/** What ffprobe makes of the bytes, or null when they are no video or sound file Plume takes. */
export async function probeAudioVideo(bytes: Uint8Array, declaredType: string): Promise<AudioVideoFacts | null> {
  let probe: ProbedMedia | null;
  try {
    probe = await probeBytes(bytes);
  } catch (error) {
    if (error instanceof VideoToolUnavailable)
      throw new AppError('not_ready', { detail: `Videos and sound files cannot be read right now: ${error.message}.` });
    throw error;
  }
  if (probe === null || probe.durationSec === null || probe.durationSec <= 0) return null;
  const codecs = { videoCodec: probe.videoCodec, audioCodec: probe.audioCodec, durationSec: probe.durationSec };
  if (probe.hasVideo) {
    const mimeType = videoType(probe, declaredType);
    if (mimeType === undefined || probe.width === null || probe.height === null) return null;
    return { kind: 'video', mimeType, width: probe.width, height: probe.height, ...codecs };
  }
  const mimeType = audioType(probe);
  return mimeType === undefined ? null : { kind: 'audio', mimeType, ...codecs };
}
