/**
 * The template renderer: fields + brand + shape → PNG, through satori (layout and text to SVG paths),
 * resvg (SVG to pixels) and sharp (PNG encode). No browser, no database: the caller passes the logo,
 * photos and uploaded fonts as bytes.
 */
import { Resvg } from '@resvg/resvg-js';
import { ASPECT_SIZES, type AspectRatio, type TemplateId } from '@plume/contract/media/media-enums';
import { templateFieldSchemas } from '@plume/contract/media/template-fields';
import type { RenderBrand } from './brand.ts';
import { FALLBACK_FAMILY, fontsFor, isBundledFamily, type UploadedFont } from './fonts.ts';
import { prepareImage } from './images.ts';
import { renderCardSvg, type CardStyle } from './render-card.ts';
import { templateCards, type TemplateCardsInput } from './template-cards.ts';

export type TemplateRenderInput = {
  templateId: TemplateId;
  /** Checked here against the template's schema (a ZodError when they do not match). */
  fields: unknown;
  aspectRatio: AspectRatio;
  brand: RenderBrand;
  uploadedFonts?: UploadedFont[];
  /** The template's photo (a product's, a customer's), when it has one. */
  photo?: Uint8Array;
  /** Only these slides (0-based) of a carousel; all when absent. */
  slides?: number[];
};

export type RenderedCard = { slide: number; width: number; height: number; svg: string; attempts: number };
export type RenderedImage = { slide: number; width: number; height: number; png: Buffer };

function familyOrFallback(family: string, uploaded: UploadedFont[]): string {
  if (isBundledFamily(family) || uploaded.some((font) => font.family === family)) return family;
  return FALLBACK_FAMILY;
}

/** Satori's SVG of each card (the slides asked for), text fitted. */
export async function renderTemplateSvgs(input: TemplateRenderInput): Promise<RenderedCard[]> {
  const fields = templateFieldSchemas[input.templateId].parse(input.fields);
  const uploaded = input.uploadedFonts ?? [];
  const [photo, logo] = await Promise.all([
    input.photo === undefined ? undefined : prepareImage(input.photo, false),
    input.brand.logo === undefined ? undefined : prepareImage(input.brand.logo, true),
  ]);
  const cards = templateCards({ templateId: input.templateId, fields } as TemplateCardsInput, photo ? { photo } : {});
  const style: CardStyle = {
    colors: input.brand.colors,
    headingFont: familyOrFallback(input.brand.headingFont, uploaded),
    bodyFont: familyOrFallback(input.brand.bodyFont, uploaded),
    layout: input.brand.layout,
    logo,
  };
  const fonts = await fontsFor([style.headingFont, style.bodyFont], uploaded);
  const size = ASPECT_SIZES[input.aspectRatio];
  const wanted =
    input.slides === undefined ? cards.map((_, index) => index) : input.slides.filter((slide) => slide < cards.length);
  const rendered: RenderedCard[] = [];
  for (const slide of wanted) {
    const card = cards[slide];
    if (card === undefined) continue;
    const { svg, attempts } = await renderCardSvg(card, size, style, fonts);
    rendered.push({ slide, width: size.width, height: size.height, svg, attempts });
  }
  return rendered;
}

/** SVG → PNG: resvg draws the pixels (satori's text is already paths, so no fonts are loaded), sharp encodes. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Buffer> {
  const pixels = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().pixels;
  const { default: sharp } = await import('sharp');
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

/** The template's PNGs: one, or one per slide of a carousel, in slide order. */
export async function renderTemplate(input: TemplateRenderInput): Promise<RenderedImage[]> {
  const cards = await renderTemplateSvgs(input);
  return Promise.all(
    cards.map(async (card) => ({
      slide: card.slide,
      width: card.width,
      height: card.height,
      png: await svgToPng(card.svg, card.width, card.height),
    })),
  );
}
