import {
  ASPECT_RATIOS,
  ASPECT_SIZES,
  IMAGE_STYLES,
  VIDEO_STYLES,
  type AspectRatio,
  type ImageStyle,
  type VideoStyle,
} from '@plume/contract/media/media-enums';
import type { SelectOption } from '../../../components/select-field.tsx';

/** What each image style looks like, in the words of seed 003's studio. */
const imageStyleLabels: Record<ImageStyle, string> = {
  photorealistic: 'Photorealistic',
  illustration: 'Illustration',
  cartoon: 'Cartoon',
  abstract: 'Abstract',
  vintage: 'Vintage',
  minimalist: 'Minimalist',
  cyberpunk: 'Cyberpunk',
  watercolor: 'Watercolor',
};

const videoStyleLabels: Record<VideoStyle, string> = {
  commercial: 'Commercial',
  social: 'Social media',
  explainer: 'Explainer',
  testimonial: 'Testimonial',
  product_demo: 'Product demo',
  brand_story: 'Brand story',
  event_promo: 'Event promo',
  tutorial: 'Tutorial',
};

/** The readable name of an image or video style; an unknown word is shown as it is. */
export function styleLabel(style: string | null | undefined): string {
  if (!style) return 'No style';
  return imageStyleLabels[style as ImageStyle] ?? videoStyleLabels[style as VideoStyle] ?? style;
}

export const imageStyleOptions: readonly SelectOption[] = IMAGE_STYLES.map((value) => ({
  value,
  label: imageStyleLabels[value],
}));

export const videoStyleOptions: readonly SelectOption[] = VIDEO_STYLES.map((value) => ({
  value,
  label: videoStyleLabels[value],
}));

/** `4:5 · Portrait (Instagram, Facebook feed) · 1080×1350` */
export function shapeLabel(ratio: AspectRatio): string {
  const size = ASPECT_SIZES[ratio];
  return `${ratio} · ${size.label} · ${size.width}×${size.height}`;
}

export const shapeOptions: readonly SelectOption[] = ASPECT_RATIOS.map((value) => ({
  value,
  label: shapeLabel(value),
}));

/** Narrows a <select> value to a shape. */
export function isAspectRatio(value: string): value is AspectRatio {
  return (ASPECT_RATIOS as readonly string[]).includes(value);
}

/** Micro-dollars as dollars for a price: `$0.04`; local providers cost nothing: `Free (local)`. */
export function formatCostMicros(micros: number | null | undefined): string {
  if (micros === null || micros === undefined) return '—';
  if (micros === 0) return 'Free (local)';
  const dollars = micros / 1_000_000;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: dollars < 0.01 ? 4 : 2,
  }).format(dollars);
}
