/**
 * Renders a slideshow video: each picture fitted to the frame (sharp, cover), its caption burned in,
 * transitions between slides, an optional voice-over and background music; H.264 + AAC in an MP4
 * (yuv420p, faststart) that every network takes.
 *
 * Length: with a voice-over the video follows the voice (its length plus half a second), each slide
 * keeping its share of the time the person gave it; without one it is the sum of the slides.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SlideTransition } from '@plume/contract/media/media-enums';
import sharp from 'sharp';
import { captionTop, DEFAULT_CAPTION_STYLE, renderCaption, type CaptionStyle } from './caption-image.ts';
import { probeFile, type ProbedMedia } from './probe-media.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { framesOf, slideshowGraph, type GraphSlide } from './slideshow-graph.ts';
import { h264AacOutput, type X264Preset } from './encode-settings.ts';

export type SlideInput = { image: Uint8Array; caption?: string; durationSec: number };

export type SlideshowInput = {
  slides: readonly SlideInput[];
  transition: SlideTransition;
  width: number;
  height: number;
  fps?: number;
  /** Seconds of each transition (shortened to fit the shortest slide). */
  transitionSec?: number;
  voiceOver?: Uint8Array;
  /** Background music, looped or cut to the video's length, at `volume` (0–1) under the voice. */
  music?: { bytes: Uint8Array; volume: number };
  captionStyle?: CaptionStyle;
  /** x264's speed (`superfast` unless told). */
  preset?: X264Preset;
  signal?: AbortSignal;
  /** 0–1: preparing the pictures is the first 10%, encoding the rest. */
  onProgress?: (fraction: number) => void;
};

export type SlideshowOutput = { bytes: Uint8Array; probe: ProbedMedia; durations: number[] };

/** The tail of silence after a voice-over, so the last word is not cut by the end of the video. */
export const VOICE_TAIL_SEC = 0.5;
const MIN_SLIDE_SEC = 0.5;

/** Slide durations stretched or shrunk to a total, each keeping its share (and at least half a second). */
export function fitDurations(durations: readonly number[], total: number): number[] {
  const sum = durations.reduce((a, b) => a + b, 0);
  return durations.map((duration) => Math.max(MIN_SLIDE_SEC, (duration / sum) * total));
}

type Prepared = { files: string[]; graphSlides: GraphSlide[] };

async function prepareSlides(dir: string, input: SlideshowInput): Promise<Prepared> {
  const moving = input.transition === 'zoom';
  const style = input.captionStyle ?? DEFAULT_CAPTION_STYLE;
  const prepared = await Promise.all(
    input.slides.map(async (slide, index) => {
      const caption =
        slide.caption === undefined || slide.caption.trim() === ''
          ? undefined
          : await renderCaption(slide.caption.trim(), input.width, style);
      const top = caption === undefined ? 0 : captionTop(input.height, caption.height);
      // Ken Burns zooms into the picture: it gets 1.25× the pixels so the zoom stays sharp.
      const scale = moving ? 1.25 : 1;
      let picture = sharp(slide.image)
        .rotate()
        .resize(Math.round(input.width * scale), Math.round(input.height * scale), { fit: 'cover' })
        .flatten({ background: '#000000' });
      if (caption !== undefined && !moving) picture = picture.composite([{ input: caption.png, top, left: 0 }]);
      const pictureFile = path.join(dir, `slide-${index}.jpg`);
      await writeFile(pictureFile, await picture.jpeg({ quality: 92 }).toBuffer());
      const files = [pictureFile];
      if (caption !== undefined && moving) {
        const captionFile = path.join(dir, `caption-${index}.png`);
        await writeFile(captionFile, caption.png);
        files.push(captionFile);
      }
      return { files, top };
    }),
  );
  const files: string[] = [];
  const graphSlides = prepared.map((slide) => {
    const input = files.push(slide.files[0]!) - 1;
    const captionFile = slide.files[1];
    if (captionFile === undefined) return { frames: 0, input };
    return { frames: 0, input, captionInput: files.push(captionFile) - 1, captionTop: slide.top };
  });
  return { files, graphSlides };
}

type AudioPlan = { args: string[]; filter: string };

function audioPlan(
  firstInput: number,
  voice: string | undefined,
  music: { file: string; volume: number } | undefined,
): AudioPlan {
  const stereo = 'aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo';
  const args: string[] = [];
  const parts: string[] = [];
  let next = firstInput;
  if (voice !== undefined) {
    args.push('-i', voice);
    parts.push(`[${next++}:a]${stereo},apad[voice]`);
  }
  if (music !== undefined) {
    args.push('-stream_loop', '-1', '-i', music.file);
    parts.push(`[${next++}:a]${stereo},volume=${music.volume.toFixed(3)}[music]`);
  }
  if (voice !== undefined && music !== undefined)
    // amix halves each input; the volume after it puts the voice back at its own level.
    parts.push('[voice][music]amix=inputs=2:duration=longest:dropout_transition=0,volume=2[aout]');
  else if (voice !== undefined) parts.push('[voice]anull[aout]');
  else if (music !== undefined) parts.push('[music]anull[aout]');
  else {
    // A silent track: some networks (and players) refuse or mishandle a video without sound.
    args.push('-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo');
    parts.push(`[${next}:a]${stereo}[aout]`);
  }
  return { args, filter: parts.join(';') };
}

async function writeAudio(dir: string, name: string, bytes: Uint8Array | undefined): Promise<string | undefined> {
  if (bytes === undefined) return undefined;
  const file = path.join(dir, name);
  await writeFile(file, bytes, { mode: 0o600 });
  return file;
}

async function slideDurations(input: SlideshowInput, voice: string | undefined): Promise<number[]> {
  const given = input.slides.map((slide) => slide.durationSec);
  if (voice === undefined) return given;
  const probed = await probeFile(voice, input.signal === undefined ? {} : { signal: input.signal });
  if (probed === null || !probed.hasAudio || probed.durationSec === null)
    throw new Error('The voice-over is not an audio file ffmpeg can read.');
  return fitDurations(given, probed.durationSec + VOICE_TAIL_SEC);
}

export async function renderSlideshow(input: SlideshowInput): Promise<SlideshowOutput> {
  if (input.slides.length === 0) throw new Error('A slideshow needs at least one slide.');
  const fps = input.fps ?? 30;
  const dir = await mkdtemp(path.join(tmpdir(), 'plume-slideshow-'));
  try {
    const voice = await writeAudio(dir, 'voice', input.voiceOver);
    const musicFile = await writeAudio(dir, 'music', input.music?.bytes);
    const durations = await slideDurations(input, voice);
    const { files, graphSlides } = await prepareSlides(dir, input);
    input.onProgress?.(0.1);
    const frames = framesOf(durations, fps);
    const totalSec = frames.reduce((a, b) => a + b, 0) / fps;
    const wanted = Math.round((input.transitionSec ?? 0.5) * fps);
    const transitionFrames = Math.max(1, Math.min(wanted, ...frames.map((count) => Math.floor(count / 2))));
    const video = slideshowGraph({
      slides: graphSlides.map((slide, index) => ({ ...slide, frames: frames[index]! })),
      transition: input.slides.length === 1 ? 'none' : input.transition,
      transitionFrames,
      fps,
      width: input.width,
      height: input.height,
    });
    const audio = audioPlan(
      files.length,
      voice,
      musicFile === undefined ? undefined : { file: musicFile, volume: input.music?.volume ?? 0.3 },
    );
    const output = path.join(dir, 'slideshow.mp4');
    const args = [
      ...files.flatMap((file) => ['-i', file]),
      ...audio.args,
      '-filter_complex',
      `${video};${audio.filter}`,
      '-map',
      '[vout]',
      '-map',
      '[aout]',
      '-t',
      totalSec.toFixed(3),
      '-r',
      String(fps),
      ...h264AacOutput(input.preset ?? 'superfast'),
      output,
    ];
    await runFfmpeg(args, {
      expectedDurationSec: totalSec,
      timeoutMs: Math.max(120_000, totalSec * 20_000),
      ...(input.signal === undefined ? {} : { signal: input.signal }),
      onProgress: (fraction) => input.onProgress?.(0.1 + fraction * 0.9),
    });
    const probe = await probeFile(output);
    if (probe === null) throw new Error('ffmpeg wrote a slideshow that ffprobe cannot read.');
    return { bytes: new Uint8Array(await readFile(output)), probe, durations };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
