import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, ASPECT_SIZES, LAYOUT_PRESETS, TEMPLATE_IDS } from '@plume/contract/media/media-enums';
import { DEFAULT_BRAND, type RenderBrand } from './brand.ts';
import { measureFit, shorten } from './render-card.ts';
import { renderTemplate, renderTemplateSvgs } from './render-template.ts';
import { SAMPLE_FIELDS, samplePhoto } from './template-samples.ts';

const require = createRequire(import.meta.url);

/** The bounding box of pixels that differ from `background` (RGB), on the raw render. */
async function inkBounds(png: Buffer, background: [number, number, number]) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let top = info.height;
  let bottom = -1;
  let left = info.width;
  let right = -1;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const at = (y * info.width + x) * 3;
      const isInk =
        Math.abs((data[at] ?? 0) - background[0]) > 6 ||
        Math.abs((data[at + 1] ?? 0) - background[1]) > 6 ||
        Math.abs((data[at + 2] ?? 0) - background[2]) > 6;
      if (!isInk) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { top, bottom, left, right, width: info.width, height: info.height };
}

const brand: RenderBrand = { ...DEFAULT_BRAND };
const background: [number, number, number] = [0xf7, 0xf5, 0xf0];
const longWords = 'Consistency beats intensity when you are building an audience one post at a time. '
  .repeat(6)
  .slice(0, 400)
  .trim();
const longWord = 'Supercalifragilisticexpialidocious'.repeat(12).slice(0, 400);

describe('renderTemplate', () => {
  it('renders every template at every shape at its pixel size', async () => {
    const photo = await samplePhoto();
    for (const templateId of TEMPLATE_IDS) {
      for (const aspectRatio of ASPECT_RATIOS) {
        const images = await renderTemplate({
          templateId,
          fields: SAMPLE_FIELDS[templateId],
          aspectRatio,
          brand,
          photo,
          slides: [0],
        });
        const meta = await sharp(images[0]?.png).metadata();
        expect([meta.format, meta.width, meta.height], `${templateId} ${aspectRatio}`).toEqual([
          'png',
          ASPECT_SIZES[aspectRatio].width,
          ASPECT_SIZES[aspectRatio].height,
        ]);
      }
    }
  }, 120_000);

  it('keeps the longest allowed text inside the canvas margins, shrinking it, at every shape', async () => {
    for (const aspectRatio of ['9:16', '16:9', '1:1'] as const) {
      for (const quote of [longWords, longWord]) {
        const fields = { quote, author: 'A'.repeat(80), role: 'B'.repeat(80) };
        const [image] = await renderTemplate({ templateId: 'quote', fields, aspectRatio, brand });
        const bounds = await inkBounds(image?.png ?? Buffer.alloc(0), background);
        const margin = 60 * (Math.min(bounds.width, bounds.height) / 1080);
        expect(bounds.bottom, `${aspectRatio} drew something`).toBeGreaterThan(0);
        expect(bounds.top).toBeGreaterThanOrEqual(margin);
        expect(bounds.left).toBeGreaterThanOrEqual(margin);
        expect(bounds.bottom).toBeLessThanOrEqual(bounds.height - margin);
        expect(bounds.right).toBeLessThanOrEqual(bounds.width - margin);
      }
    }
  }, 60_000);

  it('keeps long text inside the canvas in every layout ', async () => {
    const fields = { headline: `${'H'.repeat(10)} ${longWords.slice(0, 109)}`, body: longWords, cta: 'C'.repeat(40) };
    for (const layout of LAYOUT_PRESETS) {
      for (const aspectRatio of ['16:9', '9:16'] as const) {
        const [image] = await renderTemplate({
          templateId: 'announcement',
          fields,
          aspectRatio,
          brand: { ...brand, layout },
        });
        const { width, height } = ASPECT_SIZES[aspectRatio];
        // Look where the text is: right of the left layout's bar, beside or under the split panel.
        const region =
          layout === 'left'
            ? { left: 40, top: 0 }
            : layout === 'split'
              ? width > height
                ? { left: Math.ceil(width * 0.45) + 2, top: 0 }
                : { left: 0, top: Math.ceil(height * 0.42) + 2 }
              : { left: 0, top: 0 };
        const png = await sharp(image?.png)
          .extract({ ...region, width: width - region.left, height: height - region.top })
          .png()
          .toBuffer();
        const bounds = await inkBounds(png, background);
        const margin = 30 * (Math.min(width, height) / 1080);
        const where = `${layout} ${aspectRatio}`;
        expect(bounds.bottom, where).toBeLessThanOrEqual(bounds.height - margin);
        expect(bounds.right, where).toBeLessThanOrEqual(bounds.width - margin);
        expect(bounds.top, where).toBeGreaterThanOrEqual(margin);
        expect(bounds.left, where).toBeGreaterThanOrEqual(margin);
      }
    }
  }, 60_000);

  it('gives a carousel one image per slide, in order, or only the slides asked for', async () => {
    const fields = { slides: [{ title: 'One' }, { title: 'Two', body: 'Second' }, { title: 'Three' }] };
    const all = await renderTemplate({ templateId: 'carousel', fields, aspectRatio: '4:5', brand });
    expect(all.map((image) => image.slide)).toEqual([0, 1, 2]);
    expect(new Set(all.map((image) => image.png.toString('base64'))).size).toBe(3);
    const second = await renderTemplate({ templateId: 'carousel', fields, aspectRatio: '4:5', brand, slides: [1] });
    expect(second.map((image) => image.slide)).toEqual([1]);
    expect(second[0]?.png.equals(all[1]?.png ?? Buffer.alloc(0))).toBe(true);
  });

  it('refuses fields that do not match the template', async () => {
    await expect(
      renderTemplate({ templateId: 'quote', fields: { quote: '' }, aspectRatio: '1:1', brand }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    await expect(
      renderTemplate({
        templateId: 'carousel',
        fields: { slides: Array(11).fill({ title: 'x' }) },
        aspectRatio: '1:1',
        brand,
      }),
    ).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('draws with an uploaded font given as bytes, and falls back to Inter for an unknown family', async () => {
    const data = await readFile(require.resolve('@fontsource/roboto-slab/files/roboto-slab-latin-700-normal.woff'));
    const fields = { quote: 'Brand type' };
    const render = (headingFont: string, uploaded: boolean) =>
      renderTemplateSvgs({
        templateId: 'quote',
        fields,
        aspectRatio: '1:1',
        brand: { ...brand, headingFont },
        ...(uploaded ? { uploadedFonts: [{ family: 'Our Slab', weight: 700, style: 'normal' as const, data }] } : {}),
      });
    const [withUpload] = await render('Our Slab', true);
    const [inter] = await render('Inter', false);
    const [unknown] = await render('Not Uploaded', false);
    expect(withUpload?.svg).not.toBe(inter?.svg);
    expect(unknown?.svg).toBe(inter?.svg);
  });

  it('puts the product photo in the image', async () => {
    const photo = await samplePhoto();
    const [image] = await renderTemplate({
      templateId: 'product',
      fields: SAMPLE_FIELDS.product,
      aspectRatio: '1:1',
      brand: { ...brand, layout: 'split' },
      photo,
    });
    // The sample photo's sky (#2d6a8f) fills the top-left of the split panel.
    const { data } = await sharp(image?.png)
      .extract({ left: 40, top: 40, width: 1, height: 1 })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([...data].map((value) => Math.round(value / 8))).toEqual(
      [0x2d, 0x6a, 0x8f].map((value) => Math.round(value / 8)),
    );
  });
});

describe('text fitting', () => {
  const node = (key: string, top: number, height: number) => ({
    key,
    type: 'div',
    props: {},
    left: 10,
    top,
    width: 100,
    height,
  });

  it('says text fits only when every text node is inside its box, and how much it fills', () => {
    expect(measureFit([node('fit-box:a', 0, 200), node('fit-text:a', 50, 50)])).toEqual({ fits: true, fill: 0.25 });
    expect(measureFit([node('fit-box:a', 0, 200), node('fit-text:a', 180, 50)]).fits).toBe(false);
  });

  it('shortens at a word with an ellipsis', () => {
    expect(shorten('one two three four five six seven')).toBe('one two three four five…');
    expect(shorten('x'.repeat(10))).toBe('xxxxxxxx…');
  });
});
