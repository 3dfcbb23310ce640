/**
 * The brand kit editor's form state and its mapping to the API: colours are typed as hex text (with a
 * colour picker beside each), so a half-typed value stays in the form while only valid ones are sent.
 */
import type { LayoutPreset } from '@plume/contract/media/media-enums';

export const BRAND_COLOR_KEYS = ['primary', 'secondary', 'accent', 'background', 'text'] as const;
export type BrandColorKey = (typeof BRAND_COLOR_KEYS)[number];
export type BrandColorValues = Record<BrandColorKey, string>;

export const BRAND_COLOR_LABELS: Record<BrandColorKey, string> = {
  primary: 'Primary colour',
  secondary: 'Secondary colour',
  accent: 'Accent colour',
  background: 'Background colour',
  text: 'Text colour',
};

export const LAYOUT_LABELS: Record<LayoutPreset, string> = {
  centered: 'Centered',
  left: 'Left-aligned',
  split: 'Split',
  framed: 'Framed',
};

/** What the brand kit API holds (the fields the editor changes). */
export interface BrandKitValues {
  logoMediaId: string | null;
  colors: BrandColorValues;
  headingFont: string;
  bodyFont: string;
  layout: LayoutPreset;
}

/**
 * `#abc`, `abc`, `#AABBCC` → `#aabbcc`; anything else (half-typed, a name) → undefined.
 * @example normalizeHex('F80') // '#ff8800'
 */
export function normalizeHex(input: string): string | undefined {
  const text = input.trim().replace(/^#/, '').toLowerCase();
  if (/^[0-9a-f]{6}$/.test(text)) return `#${text}`;
  if (/^[0-9a-f]{3}$/.test(text)) return `#${[...text].map((digit) => digit + digit).join('')}`;
  return undefined;
}

/** The colours as typed, each checked: the first that is not a colour, in words, keyed by its colour. */
export function colorProblems(colors: BrandColorValues): Partial<Record<BrandColorKey, string>> {
  const problems: Partial<Record<BrandColorKey, string>> = {};
  for (const key of BRAND_COLOR_KEYS) {
    if (normalizeHex(colors[key]) === undefined) problems[key] = 'Type a colour as # and six hex digits, e.g. #1f6feb.';
  }
  return problems;
}

/** The body for `PUT …/brand-kit`: colours normalised (the form only sends when all are valid). */
export function toBrandKitBody(values: BrandKitValues): BrandKitValues {
  const colors = Object.fromEntries(
    BRAND_COLOR_KEYS.map((key) => [key, normalizeHex(values.colors[key]) ?? values.colors[key]]),
  ) as BrandColorValues;
  return { ...values, colors };
}
