/**
 * The ffmpeg filter graph of a slideshow, built from frame counts (pure; no files, no processes).
 *
 * This ffmpeg build has no `xfade`, so transitions are cut out of the slides themselves: slide i is
 * shown for its own frames plus, when it is not the first, the transition frames at the end of the
 * slide before it. Each slide stream is split into the part entering (mixed with the previous slide's
 * last frames by `overlay`: alpha `fade` for fade and zoom, a moving x for slide), its body, and its
 * leaving part; the parts are joined by `concat`. Only the transition frames are blended, so a
 * slideshow costs little more than encoding its frames.
 */
import type { SlideTransition } from '@plume/contract/media/media-enums';

export type GraphSlide = {
  /** Frames this slide owns on the timeline (its duration × fps, rounded on the running total). */
  frames: number;
  /** Input index of the slide's picture (captions already burned in unless `captionInput` is set). */
  input: number;
  /** Input index of a caption band to overlay (moving slides: Ken Burns), at `captionTop`. */
  captionInput?: number;
  captionTop?: number;
};

export type GraphSpec = {
  slides: GraphSlide[];
  transition: SlideTransition;
  transitionFrames: number;
  fps: number;
  width: number;
  height: number;
};

/** Frames each slide owns, rounded on the running total so the whole length is exact. */
export function framesOf(durations: readonly number[], fps: number): number[] {
  let elapsed = 0;
  return durations.map((duration) => {
    const start = Math.round(elapsed * fps);
    elapsed += duration;
    return Math.round(elapsed * fps) - start;
  });
}

/** Ken Burns: a slow zoom towards the centre (alternate slides zoom out), one output frame per frame. */
function zoompan(frames: number, index: number, spec: GraphSpec): string {
  const step = (0.12 / Math.max(1, frames)).toFixed(6);
  const zoom = index % 2 === 0 ? `1+${step}*on` : `1.12-${step}*on`;
  return (
    `zoompan=z='${zoom}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)'` +
    `:d=${frames}:s=${spec.width}x${spec.height}:fps=${spec.fps}`
  );
}

function slideStream(slide: GraphSlide, index: number, total: number, spec: GraphSpec, label: string): string[] {
  const steps: string[] = [];
  if (spec.transition === 'zoom') {
    steps.push(`[${slide.input}:v]${zoompan(total, index, spec)},format=yuv420p[z${index}]`);
    if (slide.captionInput !== undefined)
      steps.push(`[z${index}][${slide.captionInput}:v]overlay=0:${slide.captionTop ?? 0}:format=yuv420[${label}]`);
    else steps.push(`[z${index}]null[${label}]`);
    return steps;
  }
  steps.push(
    `[${slide.input}:v]format=yuv420p,loop=loop=${total - 1}:size=1:start=0,setpts=N/${spec.fps}/TB[${label}]`,
  );
  return steps;
}

function blend(transition: SlideTransition, frames: number, fps: number, tail: string, head: string, out: string) {
  if (transition === 'slide') {
    const seconds = (frames / fps).toFixed(4);
    return `[${tail}][${head}]overlay=x='W*max(0,1-t/${seconds})':y=0:eval=frame:format=yuv420[${out}]`;
  }
  return `[${head}]format=yuva420p,fade=in:s=0:n=${frames}:alpha=1[${head}a];[${tail}][${head}a]overlay=0:0:format=yuv420[${out}]`;
}

const trim = (from: string, to: string, start: number, end: number) =>
  `[${from}]trim=start_frame=${start}:end_frame=${end},setpts=PTS-STARTPTS[${to}]`;

/**
 * The filter graph; its video output is `[vout]`. Requires every slide to own at least
 * `transitionFrames` frames (the renderer shortens the transition otherwise).
 */
export function slideshowGraph(spec: GraphSpec): string {
  const overlap = spec.transition === 'none' ? 0 : spec.transitionFrames;
  const steps: string[] = [];
  const sequence: string[] = [];
  const last = spec.slides.length - 1;
  spec.slides.forEach((slide, index) => {
    const entering = index > 0 ? overlap : 0;
    const leaving = index < last ? overlap : 0;
    const total = slide.frames + entering;
    steps.push(...slideStream(slide, index, total, spec, `s${index}`));
    const parts = [entering > 0 ? `h${index}` : '', `b${index}`, leaving > 0 ? `t${index}` : ''].filter(Boolean);
    steps.push(
      parts.length === 1
        ? `[s${index}]null[p${index}]`
        : `[s${index}]split=${parts.length}${parts.map((p) => `[p${p}]`).join('')}`,
    );
    const body = parts.length === 1 ? `p${index}` : `pb${index}`;
    if (entering > 0) steps.push(trim(`ph${index}`, `h${index}`, 0, entering));
    steps.push(trim(body, `b${index}`, entering, total - leaving));
    if (leaving > 0) steps.push(trim(`pt${index}`, `t${index}`, total - leaving, total));
    if (entering > 0) {
      steps.push(blend(spec.transition, overlap, spec.fps, `t${index - 1}`, `h${index}`, `x${index}`));
      sequence.push(`[x${index}]`);
    }
    sequence.push(`[b${index}]`);
  });
  steps.push(`${sequence.join('')}concat=n=${sequence.length}:v=1:a=0,fps=${spec.fps},format=yuv420p[vout]`);
  return steps.join(';');
}
