/**
 * `npm run bench:media-slideshow`: a 15 s 1080×1920 slideshow (5 slides of 3 s, captions, fades)
 * rendered by Plume's renderer, median of 3 runs, target < 8 s; beside it, in the same run, a plain
 * ffmpeg concat of the same pictures (already 1080×1920, no captions, no transitions, same encoder
 * settings) for the ratio. Figures go into docs/benchmarks.md between the bench:media-slideshow markers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { h264AacOutput } from '@plume/media/video/encode-settings';
import { renderSlideshow } from '@plume/media/video/render-slideshow';
import { runFfmpeg } from '@plume/media/video/run-ffmpeg';
import { describeMachine, formatWithPrettier, markdownTable, writeSection } from './lib/report.ts';

const WIDTH = 1080;
const HEIGHT = 1920;
const SLIDES = 5;
const SLIDE_SEC = 3;
const RUNS = 3;
const TARGET_SEC = 8;

/** A photo-like picture (gradients, texture, a shape) so the encoder has real work, 1600×1200 JPEG. */
async function photo(index: number): Promise<Uint8Array> {
  const width = 1600;
  const height = 1200;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      const texture = (Math.sin(x * 0.013 * (index + 1)) + Math.cos(y * 0.021)) * 40 + ((x * 7919 + y * 104729) % 37);
      raw[offset] = (x / width) * 200 + texture;
      raw[offset + 1] = (y / height) * 180 + texture;
      raw[offset + 2] = 90 + index * 30 + texture / 2;
    }
  return new Uint8Array(
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function plainConcat(dir: string, pictures: Uint8Array[]): Promise<void> {
  const files = await Promise.all(
    pictures.map(async (picture, index) => {
      const file = path.join(dir, `plain-${index}.jpg`);
      await writeFile(
        file,
        await sharp(picture).resize(WIDTH, HEIGHT, { fit: 'cover' }).jpeg({ quality: 92 }).toBuffer(),
      );
      return file;
    }),
  );
  const list = path.join(dir, 'list.txt');
  await writeFile(
    list,
    files.map((file) => `file '${file}'\nduration ${SLIDE_SEC}`).join('\n') + `\nfile '${files.at(-1)}'\n`,
  );
  await runFfmpeg([
    ...['-f', 'concat', '-safe', '0', '-i', list, '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'],
    ...['-t', String(SLIDES * SLIDE_SEC), '-r', '30', '-vf', 'format=yuv420p'],
    ...h264AacOutput('superfast'),
    path.join(dir, 'plain.mp4'),
  ]);
}

async function main(): Promise<void> {
  const pictures = await Promise.all(Array.from({ length: SLIDES }, (_, index) => photo(index)));
  const slides = pictures.map((image, index) => ({
    image,
    durationSec: SLIDE_SEC,
    caption: `Tip ${index + 1}: a calmer morning starts the night before`,
  }));
  const dir = await mkdtemp(path.join(tmpdir(), 'plume-bench-slideshow-'));
  const plume: number[] = [];
  const plain: number[] = [];
  let duration = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      plume.push(
        await timed(async () => {
          const output = await renderSlideshow({ slides, transition: 'fade', width: WIDTH, height: HEIGHT });
          duration = output.probe.durationSec ?? 0;
        }),
      );
      plain.push(await timed(() => plainConcat(dir, pictures)));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const machine = describeMachine();
  const plumeMedian = median(plume);
  const plainMedian = median(plain);
  const verdict = plumeMedian < TARGET_SEC ? 'met' : 'NOT met';
  const table = markdownTable([
    ['what', 'median', 'runs'],
    [
      'Plume slideshow (captions, fades)',
      `${plumeMedian.toFixed(2)} s`,
      plume.map((value) => value.toFixed(2)).join(', '),
    ],
    [
      'plain ffmpeg concat (no captions, no transitions)',
      `${plainMedian.toFixed(2)} s`,
      plain.map((value) => value.toFixed(2)).join(', '),
    ],
  ]);
  const section = `## Slideshow video (\`npm run bench:media-slideshow\`)

Date: ${new Date().toISOString()} · Node ${machine.node} · ${machine.cpu}, ${machine.cores} cores · load average before the
end of the run: ${machine.loadAverage} (the machine is shared).

A ${duration.toFixed(2)} s ${WIDTH}×${HEIGHT} slideshow, ${SLIDES} slides of ${SLIDE_SEC} s with captions and fades, H.264
(x264 \`superfast\`, CRF 21) + AAC, median of ${RUNS} runs: **${plumeMedian.toFixed(2)} s** (target < ${TARGET_SEC} s: ${verdict}).
Ratio to a plain ffmpeg concat of the same pictures at the same size and encoder settings, measured in the same run:
**${(plumeMedian / plainMedian).toFixed(2)}×**.

${table}
`;
  console.log(section);
  const file = path.join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
  writeSection(file, 'media-slideshow', section);
  await formatWithPrettier(file);
}

await main();
