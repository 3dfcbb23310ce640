// bench:media-templates — a 1080×1350 quote card rendered N times warm (satori → resvg → sharp PNG),
// against resvg alone drawing the same SVG in the same run. BENCH_RENDERS scales it (default 200).
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { DEFAULT_BRAND } from '../packages/media/src/templates/brand.ts';
import { renderTemplate, renderTemplateSvgs } from '../packages/media/src/templates/render-template.ts';
import { SAMPLE_FIELDS } from '../packages/media/src/templates/template-samples.ts';
import { percentile } from './lib/load.ts';
import { describeMachine, formatWithPrettier, markdownTable, textTable, writeSection } from './lib/report.ts';

const renders = Number(process.env['BENCH_RENDERS'] ?? 200);
const input = {
  templateId: 'quote' as const,
  fields: SAMPLE_FIELDS.quote,
  aspectRatio: '4:5' as const,
  brand: DEFAULT_BRAND,
};

async function time(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < renders; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const [card] = await renderTemplateSvgs(input);
if (card === undefined) throw new Error('no card rendered');
for (let index = 0; index < 10; index++) await renderTemplate(input); // warm: fonts, satori, libvips
const full = await time(() => renderTemplate(input));
const resvgOnly = await time(async () => new Resvg(card.svg, { font: { loadSystemFonts: false } }).render().asPng());

const round = (value: number) => value.toFixed(1);
const p50 = percentile(full, 50);
const p99 = percentile(full, 99);
const baseline = percentile(resvgOnly, 50);
const rows = [
  ['', 'p50 ms', 'p99 ms'],
  ['template render (satori + resvg + sharp PNG)', round(p50), round(p99)],
  ['resvg alone, same SVG, to PNG', round(baseline), round(percentile(resvgOnly, 99))],
];
console.log(textTable(rows));
const machine = describeMachine();
const verdict = `p50 ${round(p50)} ms (target < 60: ${p50 < 60 ? 'met' : 'missed'}), p99 ${round(p99)} ms (target < 200: ${p99 < 200 ? 'met' : 'missed'}); ratio to resvg alone ${(p50 / baseline).toFixed(2)}×.`;
console.log(verdict);
const file = path.join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
writeSection(
  file,
  'media-templates',
  `## Template render (\`npm run bench:media-templates\`)

A 1080×1350 quote card (the sample quote, default brand) rendered ${renders} times warm, one at a time, and
the same SVG drawn by resvg alone (to PNG) in the same run as the baseline.
${renders < 200 ? '\nReduced run (BENCH_RENDERS set).\n' : ''}
${markdownTable(rows)}

${verdict}

Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage}; ${new Date().toISOString().slice(0, 16)} UTC.`,
);
await formatWithPrettier(file);
