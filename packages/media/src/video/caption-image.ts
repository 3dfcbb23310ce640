/**
 * Slide captions as transparent PNG bands, drawn with satori (text → SVG paths with the bundled open
 * font) and resvg (SVG → PNG). ffmpeg's drawtext needs a TTF/OTF file and the fonts Plume bundles are
 * @fontsource WOFF files, so captions are drawn here, in the same fonts as the templates, and burned
 * into the picture (composited by sharp, or overlaid by ffmpeg on moving slides).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

import type { CaptionFont } from '@plume/contract/media/slideshow-schemas';

const FONT_FILES: Record<CaptionFont, string> = {
  Inter: '@fontsource/inter/files/inter-latin-700-normal.woff',
  'Playfair Display': '@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff',
  'Roboto Slab': '@fontsource/roboto-slab/files/roboto-slab-latin-700-normal.woff',
};

const require = createRequire(import.meta.url);
const fontData = new Map<CaptionFont, Promise<Buffer>>();

function loadFont(font: CaptionFont): Promise<Buffer> {
  let data = fontData.get(font);
  if (data === undefined) {
    data = readFile(require.resolve(FONT_FILES[font]));
    fontData.set(font, data);
  }
  return data;
}

export type CaptionStyle = { font: CaptionFont; textColor: string; boxColor: string };
export const DEFAULT_CAPTION_STYLE: CaptionStyle = {
  font: 'Inter',
  textColor: '#ffffff',
  boxColor: 'rgba(0, 0, 0, 0.62)',
};

type Element = { type: string; props: Record<string, unknown> };

function captionElement(text: string, frameWidth: number, style: CaptionStyle): Element {
  const fontSize = Math.round(frameWidth * 0.052);
  return {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        width: frameWidth,
        justifyContent: 'center',
        padding: `0 ${Math.round(frameWidth * 0.06)}px`,
      },
      children: {
        type: 'div',
        props: {
          style: {
            display: 'flex',
            backgroundColor: style.boxColor,
            color: style.textColor,
            fontFamily: style.font,
            fontWeight: 700,
            fontSize,
            lineHeight: 1.25,
            textAlign: 'center',
            padding: `${Math.round(fontSize * 0.45)}px ${Math.round(fontSize * 0.7)}px`,
            borderRadius: Math.round(fontSize * 0.4),
          },
          children: text,
        },
      },
    },
  };
}

/** A caption band as wide as the frame, its height what the text needs; PNG with transparency. */
export async function renderCaption(
  text: string,
  frameWidth: number,
  style: CaptionStyle = DEFAULT_CAPTION_STYLE,
): Promise<{ png: Buffer; width: number; height: number }> {
  const element = captionElement(text, frameWidth, style);
  const svg = await satori(element as unknown as Parameters<typeof satori>[0], {
    width: frameWidth,
    fonts: [{ name: style.font, data: await loadFont(style.font), weight: 700, style: 'normal' }],
  });
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' } }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** Where a caption band sits: its bottom at 82% of the frame, above the networks' own buttons and text. */
export function captionTop(frameHeight: number, bandHeight: number): number {
  return Math.max(0, Math.round(frameHeight * 0.82) - bandHeight);
}
