/**
 * Fonts for the renderer: the open fonts Plume ships (from @fontsource, read once per process) and a
 * workspace's uploaded ones (passed in as bytes). Satori reads TTF, OTF and WOFF, not WOFF2.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'satori';

export type FontStyleName = 'normal' | 'italic';
export type FontWeightValue = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;
export type UploadedFont = { family: string; weight: number; style: FontStyleName; data: Uint8Array };

const require = createRequire(import.meta.url);

/** The files bundled per family: `@fontsource/<package>/files/<package>-<subset>-<weight>-normal.woff`. */
const BUNDLED: ReadonlyArray<{ family: string; packageName: string; weights: FontWeightValue[] }> = [
  { family: 'Inter', packageName: 'inter', weights: [400, 700] },
  { family: 'Playfair Display', packageName: 'playfair-display', weights: [700] },
  { family: 'Roboto Slab', packageName: 'roboto-slab', weights: [400, 700] },
];
/** Latin first, then Latin Extended for the accents it lacks (satori falls back font by font). */
const SUBSETS = ['latin', 'latin-ext'];

export const FALLBACK_FAMILY = 'Inter';

let bundled: Promise<Font[]> | undefined;

async function loadBundled(): Promise<Font[]> {
  const files = BUNDLED.flatMap(({ family, packageName, weights }) =>
    weights.flatMap((weight) =>
      SUBSETS.map((subset) => ({
        family,
        weight,
        path: require.resolve(`@fontsource/${packageName}/files/${packageName}-${subset}-${weight}-normal.woff`),
      })),
    ),
  );
  return Promise.all(
    files.map(async ({ family, weight, path }) => ({
      name: family,
      data: await readFile(path),
      weight,
      style: 'normal' as const,
    })),
  );
}

/** The bundled fonts, read from disk on the first call only. */
export function bundledFonts(): Promise<Font[]> {
  bundled ??= loadBundled().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

export function isBundledFamily(family: string): boolean {
  return BUNDLED.some((entry) => entry.family === family);
}

function toWeight(weight: number): FontWeightValue {
  const rounded = Math.min(900, Math.max(100, Math.round(weight / 100) * 100));
  return rounded as FontWeightValue;
}

export function uploadedToFont(font: UploadedFont): Font {
  return { name: font.family, data: Buffer.from(font.data), weight: toWeight(font.weight), style: font.style };
}

/**
 * The font list for one render. The same families and uploads give the same array object, which
 * satori keys its parsed-font cache on, so a warm render never parses a font again.
 */
const fontSets = new Map<string, Font[]>();
const MAX_FONT_SETS = 32;

function fontKey(font: UploadedFont): string {
  return `|${font.family}:${font.weight}:${font.style}:${createHash('sha1').update(font.data).digest('hex')}`;
}

export async function fontsFor(families: string[], uploaded: UploadedFont[]): Promise<Font[]> {
  const base = await bundledFonts();
  const wanted = new Set([...families, FALLBACK_FAMILY]);
  const extra = uploaded.filter((font) => wanted.has(font.family) && !isBundledFamily(font.family));
  const key = [...wanted].sort().join('|') + extra.map(fontKey).join('');
  const cached = fontSets.get(key);
  if (cached !== undefined) return cached;
  const set = [...base.filter((font) => wanted.has(font.name)), ...extra.map(uploadedToFont)];
  if (fontSets.size >= MAX_FONT_SETS) fontSets.delete(fontSets.keys().next().value ?? '');
  fontSets.set(key, set);
  return set;
}

/** Whether satori can draw text with this font (a file that parses but has no usable glyphs fails). */
export async function canDrawWithFont(font: UploadedFont): Promise<boolean> {
  const { default: satori } = await import('satori');
  try {
    const svg = await satori(
      { type: 'div', key: null, props: { style: { display: 'flex', fontFamily: font.family }, children: 'Aa' } },
      { width: 200, height: 100, fonts: [uploadedToFont(font)] },
    );
    return svg.includes('<path');
  } catch {
    return false;
  }
}
