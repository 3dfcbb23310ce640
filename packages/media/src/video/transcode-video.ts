/**
 * Makes a video fit a network's rules (a rendition): H.264 + AAC in an MP4, scaled to fit and padded
 * with black to the planned shape, its bitrate capped so the file stays under the size limit, cut to
 * the longest length only when the plan says so (the person allowed trimming). A video whose codecs
 * already fit and only needs another container is copied, not re-encoded.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  renditionPlan,
  renditionReasons,
  type RenditionPlan,
  type VideoRuleLike,
} from '@plume/contract/media/video-conform';
import { h264AacOutput } from './encode-settings.ts';
import { probeFile, type ProbedMedia } from './probe-media.ts';
import { runFfmpeg, type RunOptions } from './run-ffmpeg.ts';

export type RenditionOutput = { bytes: Uint8Array; probe: ProbedMedia; plan: RenditionPlan; copied: boolean };

/** The input is not something a rendition can be made of (not a video, or too long without trimming). */
export class CannotConform extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotConform';
  }
}

const AUDIO_KBPS = 128;
const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

function factsOf(probe: ProbedMedia, mimeType: string, bytes: number) {
  return { ...probe, mimeType, bytes };
}

/** Video bitrate (kbit/s) that keeps the whole file under `maxBytes` with 5% to spare, or null when no cap is needed. */
export function bitrateCapKbps(maxBytes: number, durationSec: number, sourceBytes: number): number | null {
  if (sourceBytes <= maxBytes * 0.9) return null;
  return Math.max(200, Math.floor((maxBytes * 0.95 * 8) / 1000 / durationSec) - AUDIO_KBPS);
}

function videoArgs(probe: ProbedMedia, plan: RenditionPlan, width: number, height: number, capKbps: number | null) {
  const fps = probe.frameRate !== null && probe.frameRate > 60 ? ',fps=30' : '';
  const filter =
    `scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:black,setsar=1,format=yuv420p${fps}`;
  const cap = capKbps === null ? [] : ['-maxrate', `${capKbps}k`, '-bufsize', `${capKbps * 2}k`];
  const trim = plan.trimToSec === null ? [] : ['-t', String(plan.trimToSec)];
  return { filter, cap, trim };
}

async function encode(
  input: string,
  output: string,
  probe: ProbedMedia,
  plan: RenditionPlan,
  sourceBytes: number,
  options: RunOptions,
): Promise<void> {
  const width = plan.width ?? even(probe.width ?? 2);
  const height = plan.height ?? even(probe.height ?? 2);
  const duration = plan.trimToSec ?? probe.durationSec ?? 1;
  const { filter, cap, trim } = videoArgs(
    probe,
    plan,
    width,
    height,
    bitrateCapKbps(plan.maxBytes, duration, sourceBytes),
  );
  // Without sound, a silent track is added: some networks refuse or mishandle a video without one.
  const silence = probe.hasAudio ? [] : ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'];
  const audioMap = probe.hasAudio ? ['-map', '0:a:0'] : ['-map', '1:a:0', '-shortest'];
  await runFfmpeg(
    [
      '-i',
      input,
      ...silence,
      ...trim,
      '-map',
      '0:v:0',
      ...audioMap,
      '-vf',
      filter,
      ...h264AacOutput('veryfast'),
      ...cap,
      output,
    ],
    { ...options, expectedDurationSec: duration },
  );
}

/**
 * Makes the rendition of a video for a rule.
 * @throws CannotConform when the file is not a video, or is too long for the rule and trimming is not allowed.
 */
export async function transcodeForRule(
  source: { bytes: Uint8Array; mimeType: string },
  rule: VideoRuleLike,
  allowTrim: boolean,
  options: RunOptions = {},
): Promise<RenditionOutput> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plume-rendition-'));
  try {
    const input = path.join(dir, 'source');
    await writeFile(input, source.bytes, { mode: 0o600 });
    const probe = await probeFile(input, options.signal === undefined ? {} : { signal: options.signal });
    if (probe === null || !probe.hasVideo) throw new CannotConform('The file is not a video ffmpeg can read.');
    const facts = factsOf(probe, source.mimeType, source.bytes.length);
    const plan = renditionPlan(facts, rule, allowTrim);
    const tooLong =
      probe.durationSec !== null && rule.maxDurationSec !== undefined && probe.durationSec > rule.maxDurationSec;
    if (tooLong && plan.trimToSec === null)
      throw new CannotConform(
        `The video is ${Math.round(probe.durationSec ?? 0)} s long and the network takes ${rule.maxDurationSec} s; allow trimming or choose a shorter video.`,
      );
    const output = path.join(dir, 'rendition.mp4');
    // Right codecs in the wrong container: copied into an MP4, not re-encoded.
    const onlyContainer =
      rule.mimeTypes.includes('video/mp4') && renditionReasons({ ...facts, mimeType: 'video/mp4' }, rule).length === 0;
    if (onlyContainer)
      await runFfmpeg(
        ['-i', input, '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', '-movflags', '+faststart', output],
        options,
      );
    else await encode(input, output, probe, plan, source.bytes.length, options);
    const result = await probeFile(output);
    if (result === null) throw new Error('ffmpeg wrote a rendition that ffprobe cannot read.');
    return { bytes: new Uint8Array(await readFile(output)), probe: result, plan, copied: onlyContainer };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
