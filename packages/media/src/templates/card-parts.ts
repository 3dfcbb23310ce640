/** The pieces a card is built of, each sized from the canvas unit and the fit scale. */
import { BASE_SIZES, readableOn, type Card } from './card.ts';
import type { BrandColors } from './brand.ts';
import type { PreparedImage } from './images.ts';
import { box, image, textBlock, type Child, type SatoriElement } from './satori-element.ts';

export type PartContext = {
  unit: number;
  /** Multiplies every text size; `fitCard` lowers it until the text fits. */
  scale: number;
  headingSize: number;
  colors: BrandColors;
  /** Text colour on the card's background (a split panel uses the panel's). */
  ink: string;
  headingFont: string;
  bodyFont: string;
  align: 'center' | 'left';
  /** The box the texts must stay inside (checked after layout). */
  boxId: string;
};

const starPath = 'M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01z';

function starsImage(count: number, color: string, size: number): SatoriElement {
  const stars = Array.from(
    { length: 5 },
    (_, index) =>
      `<path transform="translate(${index * 26} 0)" d="${starPath}" fill="${index < count ? color : 'none'}" stroke="${color}" stroke-width="1.5"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="130" height="24" viewBox="0 0 130 24">${stars}</svg>`;
  return image(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, size * 5.4, size);
}

function text(ctx: PartContext, value: string, style: Parameters<typeof textBlock>[1]): SatoriElement {
  return textBlock(value, { textAlign: ctx.align, flexShrink: 0, ...style }, `fit-text:${ctx.boxId}`);
}

export function logoPart(logo: PreparedImage, ctx: PartContext, maxHeight: number): SatoriElement {
  const height = Math.min(maxHeight, logo.height);
  const width = Math.min((logo.width / logo.height) * height, 420 * ctx.unit);
  return image(logo.dataUri, width, (width * logo.height) / logo.width, { objectFit: 'contain', flexShrink: 0 });
}

/** The card's texts, top to bottom, as children of a column. */
export function textParts(card: Card, ctx: PartContext): Child[] {
  const { unit, scale, colors, ink } = ctx;
  const gap = 22 * unit * scale;
  const size = (base: number) => base * unit * scale;
  return [
    card.isQuote === true &&
      text(ctx, '“', {
        fontFamily: ctx.headingFont,
        fontSize: ctx.headingSize * 1.6,
        lineHeight: 0.9,
        height: ctx.headingSize * 0.85,
        color: colors.accent,
        fontWeight: 700,
      }),
    card.eyebrow !== undefined &&
      text(ctx, card.eyebrow.toUpperCase(), {
        fontFamily: ctx.bodyFont,
        fontSize: size(BASE_SIZES.eyebrow),
        fontWeight: 700,
        letterSpacing: 3 * unit,
        color: colors.accent,
        marginBottom: gap,
      }),
    card.heading !== undefined &&
      text(ctx, card.heading, {
        fontFamily: ctx.headingFont,
        fontSize: ctx.headingSize,
        fontWeight: 700,
        lineHeight: 1.15,
        color: ink,
      }),
    card.body !== undefined &&
      text(ctx, card.body, {
        fontFamily: ctx.bodyFont,
        fontSize: size(BASE_SIZES.body),
        lineHeight: 1.4,
        color: ink,
        opacity: 0.88,
        marginTop: gap,
      }),
    card.stars !== undefined &&
      box({ marginTop: gap, flexShrink: 0 }, starsImage(card.stars, colors.accent, size(40)), `fit-text:${ctx.boxId}`),
    ...(card.lines ?? []).map((line, index) =>
      text(ctx, line, {
        fontFamily: ctx.bodyFont,
        fontSize: size(BASE_SIZES.lines),
        fontWeight: index === 0 ? 700 : 400,
        color: index === 0 ? ink : colors.secondary,
        marginTop: index === 0 ? gap * 1.4 : 6 * unit,
      }),
    ),
    card.pill !== undefined &&
      box(
        {
          marginTop: gap * 1.5,
          flexShrink: 0,
          backgroundColor: colors.accent,
          borderRadius: 999,
          padding: `${14 * unit * scale}px ${34 * unit * scale}px`,
        },
        text(ctx, card.pill, {
          fontFamily: ctx.bodyFont,
          fontSize: size(BASE_SIZES.pill),
          fontWeight: 700,
          color: readableOn(colors.accent),
        }),
        `fit-text:${ctx.boxId}`,
      ),
  ];
}

export function photoPart(photo: NonNullable<Card['photo']>, width: number, height: number): SatoriElement {
  if (photo.shape === 'circle') {
    const side = Math.min(width, height);
    return image(photo.image.dataUri, side, side, { borderRadius: side / 2, objectFit: 'cover', flexShrink: 0 });
  }
  return image(photo.image.dataUri, width, height, { objectFit: 'cover', borderRadius: 12, flexShrink: 0 });
}
