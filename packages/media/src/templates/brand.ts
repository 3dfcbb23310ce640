/** The brand a render uses: the workspace's kit with a design's overrides applied. */
import type { LayoutPreset } from '@plume/contract/media/media-enums';

export type BrandColors = { primary: string; secondary: string; accent: string; background: string; text: string };

export type RenderBrand = {
  colors: BrandColors;
  headingFont: string;
  bodyFont: string;
  layout: LayoutPreset;
  /** The logo's bytes (PNG, JPEG, WebP…), drawn at the top of every card. */
  logo?: Uint8Array;
};

/** Plume's defaults when a workspace has no kit yet: a calm blue, a warm accent, Inter throughout. */
export const DEFAULT_BRAND: Omit<RenderBrand, 'logo'> = {
  colors: { primary: '#1f4e8c', secondary: '#5b6b7f', accent: '#f2a541', background: '#f7f5f0', text: '#1b1f24' },
  headingFont: 'Inter',
  bodyFont: 'Inter',
  layout: 'centered',
};
