/**
 * Every template at two shapes (and, across them, every layout) compared with a stored reference PNG.
 * Both are compared at a quarter of their size, so the references stay small (they are stored at
 * that size too); a pixel differs when a channel is off by more than 24 of 255 (anti-aliasing may
 * move between library versions), and a render fails above 1% differing pixels.
 * `UPDATE_REFERENCES=1 npx vitest run packages/media/src/templates` rewrites them.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { isUpdatingReferences } from '@plume/config/ci-environment';
import { describe, expect, it } from 'vitest';
import type { AspectRatio, LayoutPreset, TemplateId } from '@plume/contract/media/media-enums';
import { DEFAULT_BRAND, type RenderBrand } from './brand.ts';
import { renderTemplate } from './render-template.ts';
import { SAMPLE_FIELDS, sampleLogo, samplePhoto } from './template-samples.ts';

const referenceDir = path.join(import.meta.dirname, '__references__');
const isUpdating = isUpdatingReferences();
const SCALE = 0.25;
const CHANNEL_TOLERANCE = 24;
const MAX_DIFFERING = 0.01;

const warm: RenderBrand['colors'] = {
  primary: '#6b2d5c',
  secondary: '#7a6f66',
  accent: '#f0a202',
  background: '#fff8f0',
  text: '#2b2118',
};

/** template, shapes, layout, and whether this case uses the warm palette, Playfair headings and a logo. */
const cases: Array<{
  templateId: TemplateId;
  shapes: [AspectRatio, AspectRatio];
  layout: LayoutPreset;
  branded: boolean;
}> = [
  { templateId: 'quote', shapes: ['1:1', '9:16'], layout: 'centered', branded: false },
  { templateId: 'tip', shapes: ['4:5', '16:9'], layout: 'left', branded: true },
  { templateId: 'carousel', shapes: ['1:1', '4:5'], layout: 'split', branded: false },
  { templateId: 'announcement', shapes: ['9:16', '16:9'], layout: 'framed', branded: true },
  { templateId: 'product', shapes: ['1:1', '16:9'], layout: 'split', branded: true },
  { templateId: 'testimonial', shapes: ['4:5', '2:3'], layout: 'centered', branded: true },
  { templateId: 'event', shapes: ['4:3', '9:16'], layout: 'left', branded: false },
];

async function small(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const meta = await sharp(png).metadata();
  const width = Math.round((meta.width ?? 0) * SCALE);
  const { data, info } = await sharp(png).resize({ width }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function differingShare(a: Buffer, b: Buffer): number {
  let differing = 0;
  for (let index = 0; index < a.length; index += 3) {
    const off =
      Math.abs((a[index] ?? 0) - (b[index] ?? 0)) > CHANNEL_TOLERANCE ||
      Math.abs((a[index + 1] ?? 0) - (b[index + 1] ?? 0)) > CHANNEL_TOLERANCE ||
      Math.abs((a[index + 2] ?? 0) - (b[index + 2] ?? 0)) > CHANNEL_TOLERANCE;
    if (off) differing++;
  }
  return differing / (a.length / 3);
}

describe('template renders match their reference images', async () => {
  const [photo, logo] = await Promise.all([samplePhoto(), sampleLogo()]);
  mkdirSync(referenceDir, { recursive: true });

  for (const { templateId, shapes, layout, branded } of cases) {
    for (const aspectRatio of shapes) {
      const name = `${templateId}-${aspectRatio.replace(':', 'x')}`;
      it(`${name} (${layout})`, async () => {
        const brand: RenderBrand = branded
          ? { colors: warm, headingFont: 'Playfair Display', bodyFont: 'Inter', layout, logo }
          : { ...DEFAULT_BRAND, layout };
        const [first] = await renderTemplate({
          templateId,
          fields: SAMPLE_FIELDS[templateId],
          aspectRatio,
          brand,
          photo,
        });
        if (first === undefined) throw new Error('no image rendered');
        const actual = await small(first.png);
        const file = path.join(referenceDir, `${name}.png`);
        if (isUpdating) {
          await sharp(actual.data, { raw: { width: actual.width, height: actual.height, channels: 3 } })
            .png({ compressionLevel: 9, palette: true, quality: 90 })
            .toFile(file);
          return;
        }
        expect(existsSync(file), `${file} is missing: run with UPDATE_REFERENCES=1 and look at it`).toBe(true);
        const expected = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        expect([expected.info.width, expected.info.height]).toEqual([actual.width, actual.height]);
        expect(differingShare(actual.data, expected.data)).toBeLessThanOrEqual(MAX_DIFFERING);
      });
    }
  }

  it('keeps the stored references small', () => {
    const total = readdirSync(referenceDir).reduce(
      (sum, file) => sum + statSync(path.join(referenceDir, file)).size,
      0,
    );
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
