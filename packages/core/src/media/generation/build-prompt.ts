/**
 * The prompt as sent to a provider: the person's brief, then the style's words, then the character's
 * fixed look (a variation's attributes over the base ones), so every image of a character carries the
 * same description. Pure: the job and its tests share it.
 */
import type { ImageStyle, VideoStyle } from '@plume/contract/media/media-enums';
import type { CharacterAppearance } from '@plume/db/schema/media';

export const IMAGE_STYLE_WORDS: Record<ImageStyle, string> = {
  photorealistic: 'photorealistic, natural light, high detail, sharp focus',
  illustration: 'digital illustration, clean lines, vibrant colours',
  cartoon: 'cartoon style, bold outlines, flat colours',
  abstract: 'abstract art, bold shapes and colours',
  vintage: 'vintage photograph, film grain, faded warm tones',
  minimalist: 'minimalist, simple composition, plenty of empty space',
  cyberpunk: 'cyberpunk, neon lights, futuristic, high contrast',
  watercolor: 'watercolor painting, soft washes, paper texture',
};

export const VIDEO_STYLE_WORDS: Record<VideoStyle, string> = {
  commercial: 'polished commercial, smooth camera moves, studio lighting',
  social: 'casual social media clip, energetic, handheld feel',
  explainer: 'clear explainer scene, simple background, steady camera',
  testimonial: 'testimonial, person speaking to camera, warm natural light',
  product_demo: 'product demonstration, close-ups of the product, clean background',
  brand_story: 'cinematic brand story, emotional, golden hour light',
  event_promo: 'event promotion, dynamic cuts, crowd energy',
  tutorial: 'step-by-step tutorial, top-down view of hands at work',
};

/** The look a generation carries: the character's, with a variation's attributes on top. */
export type CharacterLook = {
  name: string;
  description: string;
  appearance: CharacterAppearance;
  style: string | null;
};

const APPEARANCE_ORDER: readonly (keyof CharacterAppearance)[] = [
  'age',
  'hair',
  'eyes',
  'skinTone',
  'bodyType',
  'clothing',
  'setting',
  'aesthetics',
  'extra',
];

const APPEARANCE_LABELS: Partial<Record<keyof CharacterAppearance, string>> = {
  age: 'age',
  hair: 'hair',
  eyes: 'eyes',
  skinTone: 'skin tone',
  bodyType: 'build',
  clothing: 'wearing',
};

/** "A recurring character: age 30s, hair short red, eyes green, wearing a denim jacket, …". */
export function describeLook(look: CharacterLook): string {
  const parts = APPEARANCE_ORDER.flatMap((key) => {
    const value = look.appearance[key]?.trim();
    if (value === undefined || value === '') return [];
    const label = APPEARANCE_LABELS[key];
    return [label === undefined ? value : `${label} ${value}`];
  });
  const description = look.description.trim();
  return ['the same recurring character each time', description, ...parts].filter((part) => part !== '').join(', ');
}

/** Merges a variation's attributes and style over the character's. */
export function lookWithVariation(
  look: CharacterLook,
  variation: { appearance: CharacterAppearance; style: string | null } | undefined,
): CharacterLook {
  if (variation === undefined) return look;
  const appearance = { ...look.appearance };
  for (const [key, value] of Object.entries(variation.appearance) as [keyof CharacterAppearance, string][])
    if (value !== undefined && value.trim() !== '') appearance[key] = value;
  return { ...look, appearance, style: variation.style ?? look.style };
}

/** The full prompt: brief, style words, the character's look. */
export function buildMediaPrompt(input: {
  brief: string;
  styleWords?: string | undefined;
  look?: CharacterLook | undefined;
}): string {
  const parts = [input.brief.trim().replace(/[.\s]+$/, '')];
  if (input.styleWords !== undefined) parts.push(input.styleWords);
  if (input.look !== undefined) parts.push(describeLook(input.look));
  return parts.join('. ');
}
