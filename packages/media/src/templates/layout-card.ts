/**
 * Draws a card in one of the brand's layouts at one canvas size:
 * - `centered`: everything centred on the background colour, the logo on top;
 * - `left`: left-aligned, with a primary-coloured bar down the left edge;
 * - `split`: a primary-coloured panel (the photo, or the eyebrow and logo) beside the text in landscape,
 *   above it in portrait;
 * - `framed`: centred inside a primary-coloured frame.
 * Text blocks are keyed `fit-text:<box>` inside boxes keyed `fit-box:<box>` so `fitCard` can check the
 * laid-out text stays inside its box.
 */
import type { LayoutPreset } from '@plume/contract/media/media-enums';
import type { BrandColors } from './brand.ts';
import { readableOn, type Card } from './card.ts';
import { logoPart, photoPart, textParts, type PartContext } from './card-parts.ts';
import type { PreparedImage } from './images.ts';
import { box, textBlock, type SatoriElement } from './satori-element.ts';

export type LayoutInput = {
  card: Card;
  width: number;
  height: number;
  layout: LayoutPreset;
  colors: BrandColors;
  headingFont: string;
  bodyFont: string;
  logo: PreparedImage | undefined;
  scale: number;
  headingSize: number;
};

export function unitOf(width: number, height: number): number {
  return Math.min(width, height) / 1080;
}

/** The text area's size for a layout, so the heading's first guess matches the box it will be in. */
export function textArea(input: Pick<LayoutInput, 'width' | 'height' | 'layout' | 'card'>): {
  width: number;
  height: number;
} {
  const unit = unitOf(input.width, input.height);
  const padding = (input.layout === 'framed' ? 150 : 90) * unit;
  let width = input.width - 2 * padding;
  let height = input.height - 2 * padding - 120 * unit;
  if (input.layout === 'split') {
    if (input.width > input.height) width = input.width * 0.55 - 2 * padding;
    else height = input.height * 0.58 - 2 * padding;
  } else if (input.card.photo !== undefined) {
    height -= input.card.photo.shape === 'circle' ? 220 * unit : height * 0.42;
  }
  return { width: Math.max(width, 100), height: Math.max(height, 100) };
}

function context(input: LayoutInput, boxId: string, ink: string, align: 'center' | 'left'): PartContext {
  return {
    unit: unitOf(input.width, input.height),
    scale: input.scale,
    headingSize: input.headingSize,
    colors: input.colors,
    ink,
    headingFont: input.headingFont,
    bodyFont: input.bodyFont,
    align,
    boxId,
  };
}

function footer(input: LayoutInput, unit: number): SatoriElement | null {
  if (input.card.footer === undefined) return null;
  return textBlock(input.card.footer, {
    position: 'absolute',
    right: 48 * unit,
    bottom: 40 * unit,
    fontFamily: input.bodyFont,
    fontSize: 28 * unit,
    color: input.colors.secondary,
  });
}

/** The column of logo, photo and texts for the single-area layouts. */
function column(input: LayoutInput, align: 'center' | 'left', padding: number): SatoriElement {
  const unit = unitOf(input.width, input.height);
  const ctx = context(input, 'main', input.colors.text, align);
  const photo = input.card.photo;
  const innerWidth = input.width - 2 * padding;
  const photoHeight = photo?.shape === 'circle' ? 200 * unit : (input.height - 2 * padding) * 0.4;
  return box(
    {
      flexDirection: 'column',
      alignItems: align === 'center' ? 'center' : 'flex-start',
      justifyContent: 'center',
      width: '100%',
      height: '100%',
      padding,
    },
    [
      input.logo && box({ marginBottom: 36 * unit, flexShrink: 0 }, logoPart(input.logo, ctx, 90 * unit)),
      photo && box({ marginBottom: 36 * unit, flexShrink: 0 }, photoPart(photo, innerWidth, photoHeight)),
      box(
        {
          flexDirection: 'column',
          alignItems: align === 'center' ? 'center' : 'flex-start',
          justifyContent: 'center',
          width: '100%',
          flexGrow: 1,
          flexShrink: 1,
          flexBasis: 0,
        },
        textParts(input.card, ctx),
        'fit-box:main',
      ),
    ],
  );
}

function split(input: LayoutInput): SatoriElement {
  const unit = unitOf(input.width, input.height);
  const isWide = input.width > input.height;
  const padding = 80 * unit;
  const panelSize = isWide ? { width: '45%', height: '100%' } : { width: '100%', height: '42%' };
  const onPanel = context(input, 'panel', '#000', 'center');
  const { photo, eyebrow, isQuote, ...rest } = input.card;
  const panelChildren = photo
    ? photoPart(
        { ...photo, shape: 'rect' },
        isWide ? input.width * 0.45 : input.width,
        isWide ? input.height : input.height * 0.42,
      )
    : box({ flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 30 * unit, padding }, [
        input.logo && logoPart(input.logo, onPanel, 120 * unit),
        panelLabel(input, eyebrow, isQuote === true, unit),
      ]);
  // With a photo in the panel, the eyebrow and quote mark stay with the text.
  const textCard: Card = photo ? input.card : rest;
  const ctx = context(input, 'main', input.colors.text, 'left');
  return box({ flexDirection: isWide ? 'row' : 'column', width: '100%', height: '100%' }, [
    box(
      {
        ...panelSize,
        backgroundColor: input.colors.primary,
        alignItems: 'center',
        justifyContent: 'center',
      },
      panelChildren,
    ),
    box(
      { flexGrow: 1, flexBasis: 0, padding },
      box(
        { flexDirection: 'column', justifyContent: 'center', alignItems: 'flex-start', flexGrow: 1 },
        textParts(textCard, ctx),
        'fit-box:main',
      ),
    ),
  ]);
}

/** Without a photo the panel shows the eyebrow, a large quotation mark for a quote, or the slide number. */
function panelLabel(
  input: LayoutInput,
  eyebrow: string | undefined,
  isQuote: boolean,
  unit: number,
): SatoriElement | null {
  const ink = readableOn(input.colors.primary);
  if (eyebrow !== undefined) {
    return textBlock(eyebrow.toUpperCase(), {
      fontFamily: input.bodyFont,
      fontWeight: 700,
      fontSize: 40 * unit,
      letterSpacing: 4 * unit,
      textAlign: 'center',
      color: ink,
    });
  }
  if (isQuote) {
    return textBlock('“', {
      fontFamily: input.headingFont,
      fontWeight: 700,
      fontSize: 300 * unit,
      lineHeight: 1,
      color: ink,
    });
  }
  if (input.card.footer === undefined) return null;
  return textBlock(input.card.footer.replace(/ \/ \d+$/, ''), {
    fontFamily: input.headingFont,
    fontWeight: 700,
    fontSize: 200 * unit,
    lineHeight: 1,
    color: ink,
  });
}

export function layoutCard(input: LayoutInput): SatoriElement {
  const unit = unitOf(input.width, input.height);
  const base = {
    width: input.width,
    height: input.height,
    backgroundColor: input.colors.background,
    position: 'relative' as const,
  };
  if (input.layout === 'split') return box(base, [split(input), footer(input, unit)]);
  if (input.layout === 'left') {
    return box(base, [
      box({ width: 18 * unit, height: '100%', backgroundColor: input.colors.primary, flexShrink: 0 }),
      column(input, 'left', 90 * unit),
      footer(input, unit),
    ]);
  }
  if (input.layout === 'framed') {
    const inset = 44 * unit;
    return box(base, [
      box({
        position: 'absolute',
        left: inset,
        top: inset,
        right: inset,
        bottom: inset,
        border: `${14 * unit}px solid ${input.colors.primary}`,
      }),
      column(input, 'center', 150 * unit),
      footer(input, unit),
    ]);
  }
  return box(base, [column(input, 'center', 90 * unit), footer(input, unit)]);
}
