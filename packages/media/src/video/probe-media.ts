/**
 * What a video or audio file really is, read by ffprobe (JSON output): container, duration, picture
 * size as shown (rotation applied), codecs, frame rate and whether it has sound. A file ffprobe cannot
 * read is reported as `null`, never guessed at.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool, VideoToolFailed } from './run-ffmpeg.ts';

export type ProbedMedia = {
  /** ffprobe's format names, e.g. `mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`, `mp3`, `wav`, `ogg`. */
  formatName: string;
  durationSec: number | null;
  /** As displayed: a phone video stored 1920×1080 with a 90° rotation is 1080×1920 here. */
  width: number | null;
  height: number | null;
  rotation: number;
  videoCodec: string | null;
  audioCodec: string | null;
  hasVideo: boolean;
  hasAudio: boolean;
  frameRate: number | null;
  bitRate: number | null;
};

type ProbeStream = {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number | string }[];
};
type ProbeOutput = { streams?: ProbeStream[]; format?: { format_name?: string; duration?: string; bit_rate?: string } };

const number = (value: string | number | undefined): number | null => {
  const parsed = Number(value);
  return value === undefined || !Number.isFinite(parsed) ? null : parsed;
};

function rate(value: string | undefined): number | null {
  if (value === undefined) return null;
  const [top, bottom] = value.split('/').map(Number);
  if (top === undefined || bottom === undefined || !bottom || !Number.isFinite(top)) return null;
  return top / bottom;
}

function rotationOf(stream: ProbeStream): number {
  const fromSideData = stream.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation;
  const degrees = number(fromSideData ?? stream.tags?.rotate) ?? 0;
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

/** Turns ffprobe's JSON into facts; null when it found neither picture nor sound. */
export function readProbeOutput(json: string): ProbedMedia | null {
  const output = JSON.parse(json) as ProbeOutput;
  const streams = output.streams ?? [];
  // Cover art in an MP3 or M4A is a picture stream, not video.
  const video = streams.find((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1);
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  if (video === undefined && audio === undefined) return null;
  const rotation = video === undefined ? 0 : rotationOf(video);
  const turned = rotation === 90 || rotation === 270;
  const width = video?.width ?? null;
  const height = video?.height ?? null;
  const duration = number(output.format?.duration) ?? number(video?.duration) ?? number(audio?.duration);
  return {
    formatName: output.format?.format_name ?? '',
    durationSec: duration === null ? null : Math.round(duration * 1000) / 1000,
    width: turned ? height : width,
    height: turned ? width : height,
    rotation,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    frameRate: rate(video?.avg_frame_rate) ?? rate(video?.r_frame_rate),
    bitRate: number(output.format?.bit_rate),
  };
}

/** Probes a file on disk; null when ffprobe cannot read it as audio or video. */
export async function probeFile(file: string, options: { signal?: AbortSignal } = {}): Promise<ProbedMedia | null> {
  try {
    const json = await runTool(
      'ffprobe',
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { timeoutMs: 60_000, ...(options.signal === undefined ? {} : { signal: options.signal }) },
    );
    return readProbeOutput(json);
  } catch (error) {
    if (error instanceof VideoToolFailed && error.exitCode !== null) return null;
    throw error;
  }
}

/** Probes bytes held in memory (an upload) through a private temporary file. */
export async function probeBytes(
  bytes: Uint8Array,
  options: { signal?: AbortSignal } = {},
): Promise<ProbedMedia | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plume-probe-'));
  try {
    const file = path.join(dir, 'input');
    await writeFile(file, bytes, { mode: 0o600 });
    return await probeFile(file, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
