/**
 * What a template says, before layout: every template turns its fields into one `Card` per image
 * (a carousel, one per slide), and `layoutCard` draws any card in any brand layout and shape. So a
 * template module is a few lines, and the four layouts and text fitting are written once.
 */
import type { BrandColors } from './brand.ts';
import type { PreparedImage } from './images.ts';

export type Card = {
  /** A small label above the heading ("Tip 3", "New", "Event"). */
  eyebrow?: string;
  /** The main text, in the heading font. */
  heading?: string;
  /** A quote gets a large opening quotation mark and italic-free large type. */
  isQuote?: boolean;
  body?: string;
  /** Short lines under the text: who said it, when and where. */
  lines?: string[];
  stars?: number;
  /** A call to action or a price, in a filled pill. */
  pill?: string;
  photo?: { image: PreparedImage; shape: 'rect' | 'circle' };
  /** "2 / 5" on a carousel slide. */
  footer?: string;
};

/** Font sizes at scale 1, in units of (shorter side ÷ 1080) px. */
export const BASE_SIZES = { eyebrow: 30, body: 38, lines: 32, pill: 34, footer: 28 } as const;
export const MAX_HEADING = 112;
export const MIN_HEADING = 30;

/**
 * A first guess at the heading size that fills about half of the text area: glyphs average ≈0.55em
 * wide and lines are 1.2em apart. `fitCard` then checks the real layout and shrinks if needed.
 */
export function guessHeadingSize(text: string, areaWidth: number, areaHeight: number, unit: number): number {
  const share = 0.45 * areaWidth * areaHeight;
  const chars = Math.max(8, text.length);
  const fromArea = Math.sqrt(share / (chars * 0.55 * 1.2));
  // A word wider than the line would be broken inside: keep the longest word on one line.
  const longestWord = Math.max(...text.split(/\s+/).map((word) => word.length), 1);
  const fromWord = areaWidth / (longestWord * 0.62);
  return Math.max(MIN_HEADING * unit, Math.min(MAX_HEADING * unit, fromArea, fromWord));
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.4 ? '#111111' : '#ffffff';
}

export type CardColors = BrandColors;
